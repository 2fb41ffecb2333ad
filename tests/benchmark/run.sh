#!/usr/bin/env bash
# Delivery throughput: SUBSCRIBERS digests (default 20000) from DigestService to Postfix's smtp-sink on loopback,
# against smtp-source sending as many messages of the same size over as many connections to the same sink.
# Not part of `dotnet test`: run it by hand (bash tests/benchmark/run.sh) on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBSCRIBERS=${SUBSCRIBERS:-20000}
CONNECTIONS=${CONNECTIONS:-4}
EDITION=2026-08-14

for tool in /usr/sbin/smtp-sink /usr/sbin/smtp-source /usr/bin/time; do
  [ -x "$tool" ] || { echo "benchmark: $tool is missing; install the Debian packages postfix and time (deploy/test.sh installs postfix)" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "benchmark: python3 is needed to serve the feed fixture" >&2; exit 1; }

work=$(mktemp -d /tmp/digest-bench-XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dotnet build src/DigestService -c Release -o "$work/app" -v quiet -nologo >/dev/null
app=(dotnet "$work/app/DigestService.dll")

# The feed: the real Hugging Face answer of the edition's day, served over HTTP on loopback.
mkdir -p "$work/feed/api"
cp tests/DigestService.Tests/Fixtures/feeds/hf-daily-papers-$EDITION.json "$work/feed/api/daily_papers"
feed_port=$(free_port)
python3 -m http.server "$feed_port" --bind 127.0.0.1 --directory "$work/feed" >/dev/null 2>&1 &
pids+=($!)

sink_port=$(free_port)
# smtp-sink drops root privileges to nobody; -c counts, 1024 is the listen backlog.
/usr/sbin/smtp-sink -u nobody -c "127.0.0.1:$sink_port" 1024 >/dev/null 2>&1 &
pids+=($!)
sleep 0.5

export ConnectionStrings__Digest="Data Source=$work/digest.db"
export Feed__Url="http://127.0.0.1:$feed_port/api/daily_papers" Feed__WindowDays=1
export Site__BaseUrl="https://digest.example.org" Smtp__From="Digest <digest@example.org>"
export Smtp__Host=127.0.0.1 Smtp__Security=None Smtp__MaxConnections=$CONNECTIONS
export Logging__Console__LogLevel__Default=None

"${app[@]}" ingest --date $EDITION >/dev/null
seq 1 "$SUBSCRIBERS" | sed 's/.*/reader-&@example.org/' > "$work/subscribers.txt"
"${app[@]}" subscribers import "$work/subscribers.txt" --confirmed >/dev/null

# Phase 1, render: with the SMTP port closed, `send` renders every digest into the outbox and stops at the connection.
closed_port=$(free_port)
start=$(date +%s.%N)
Smtp__Port=$closed_port "${app[@]}" send --date $EDITION >/dev/null 2>&1 || true
render_s=$(calc "$(date +%s.%N) - $start")

size=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(int(c.execute('select avg(length(message)) from delivery_messages').fetchone()[0]))" "$work/digest.db")

# Phase 2, deliver: the same verb drains the outbox into smtp-sink; GNU time reports the peak resident memory.
start=$(date +%s.%N)
Smtp__Port=$sink_port /usr/bin/time -f "%M" -o "$work/rss" "${app[@]}" send --date $EDITION > "$work/send.out"
send_s=$(calc "$(date +%s.%N) - $start" 2)
grep -q "sent $SUBSCRIBERS," "$work/send.out" || { echo "benchmark: not every digest was sent: $(cat "$work/send.out")" >&2; exit 1; }
peak_mb=$(( $(cat "$work/rss") / 1024 ))

# The yardstick: smtp-source, same count, same size, same connections, each reused (-d), same sink.
start=$(date +%s.%N)
/usr/sbin/smtp-source -d -s "$CONNECTIONS" -m "$SUBSCRIBERS" -l "$size" -f digest@example.org -t reader@example.org "127.0.0.1:$sink_port"
source_s=$(calc "$(date +%s.%N) - $start" 2)

rate=$(calc "$SUBSCRIBERS / $send_s")
source_rate=$(calc "$SUBSCRIBERS / $source_s")
render_rate=$(calc "$SUBSCRIBERS / $render_s")
ratio=$(calc "$rate / $source_rate" 2)
echo "subscribers: $SUBSCRIBERS, connections: $CONNECTIONS, message size: $size bytes"
echo "render into outbox: ${render_s} s ($render_rate digests/s)"
echo "deliver: ${send_s} s, $rate digests/s, peak memory $peak_mb MB"
echo "smtp-source: ${source_s} s, $source_rate messages/s"
echo "ratio (deliver / smtp-source): $ratio"
