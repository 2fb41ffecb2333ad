#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/sbin/smtp-sink ] || need+=(postfix)
# The bounce-mailbox tests read reports from a real IMAP/POP3 server.
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd dovecot-pop3d)
# The Store tests run on PostgreSQL too: they start a throwaway server of their own from its binaries (no service).
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "deploy/test.sh: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # Postfix asks how to configure itself; the tests only need its smtp-sink and smtp-source tools.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet test DigestService.sln -c Release --logger "console;verbosity=normal" "$@"
