#!/usr/bin/env bash
# Delivery throughput: SUBSCRIBERS digests (default 20000) from DigestService to Postfix's smtp-sink on loopback,
# against smtp-source sending as many messages of the same size over as many connections to the same sink.
# Not part of `dotnet test`: run it by hand (bash tests/benchmark/run.sh) on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBSCRIBERS=${SUBSCRIBERS:-20000}
CONNECTIONS=${CONNECTIONS:-4}
# PROVIDER=postgres runs on a throwaway PostgreSQL (initdb in a temporary directory); NODES send processes deliver
# the edition side by side (each with CONNECTIONS connections), as nodes of one service would.
PROVIDER=${PROVIDER:-sqlite}
NODES=${NODES:-1}
EDITION=2026-08-14

for tool in /usr/sbin/smtp-sink /usr/sbin/smtp-source /usr/bin/time; do
  [ -x "$tool" ] || { echo "benchmark: $tool is missing; install the Debian packages postfix and time (deploy/test.sh installs postfix)" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "benchmark: python3 is needed to serve the feed fixture" >&2; exit 1; }

work=$(mktemp -d /tmp/digest-bench-XXXXXX)
pids=()
pgdir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pgdir" ]; then "$pgbin/pg_ctl" -D "$pgdir/data" stop -m immediate >/dev/null 2>&1 || runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  rm -rf "$work"
}
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

if [ "$PROVIDER" = postgres ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pgbin/postgres" ] || { echo "benchmark: PostgreSQL is missing; install the Debian package postgresql" >&2; exit 1; }
  pgdir=$(mktemp -d /tmp/digest-bench-pg-XXXXXX)
  runas=(); [ "$(id -u)" -eq 0 ] && { chown postgres "$pgdir"; runas=(runuser -u postgres --); }
  "${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  pg_port=$(free_port)
  "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
    -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE digest"
  export Database__Provider=Postgres ConnectionStrings__Digest="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=digest"
  average_size() { "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d digest -Atc "SELECT avg(length(message))::int FROM delivery_messages"; }
else
  export ConnectionStrings__Digest="Data Source=$work/digest.db"
  average_size() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(int(c.execute('select avg(length(message)) from delivery_messages').fetchone()[0]))" "$work/digest.db"; }
fi
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

size=$(average_size)

# Phase 2, deliver: the same verb drains the outbox into smtp-sink, in NODES processes started together; GNU time
# reports each one's peak resident memory.
start=$(date +%s.%N)
senders=()
for node in $(seq 1 "$NODES"); do
  Smtp__Port=$sink_port /usr/bin/time -f "%M" -o "$work/rss.$node" "${app[@]}" send --date $EDITION > "$work/send.$node" &
  senders+=($!)
done
for pid in "${senders[@]}"; do wait "$pid"; done
send_s=$(calc "$(date +%s.%N) - $start" 2)
sent=$(cat "$work"/send.* | sed -n 's/.*sent \([0-9]*\),.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
[ "$sent" -eq "$SUBSCRIBERS" ] || { echo "benchmark: $sent of $SUBSCRIBERS digests sent: $(cat "$work"/send.*)" >&2; exit 1; }
peak_mb=$(( $(cat "$work"/rss.* | sort -n | tail -n 1) / 1024 ))

# The yardstick: smtp-source, same count, same size, as many connections in all, each reused (-d), same sink.
start=$(date +%s.%N)
/usr/sbin/smtp-source -d -s "$((CONNECTIONS * NODES))" -m "$SUBSCRIBERS" -l "$size" -f digest@example.org -t reader@example.org "127.0.0.1:$sink_port"
source_s=$(calc "$(date +%s.%N) - $start" 2)

rate=$(calc "$SUBSCRIBERS / $send_s")
source_rate=$(calc "$SUBSCRIBERS / $source_s")
render_rate=$(calc "$SUBSCRIBERS / $render_s")
ratio=$(calc "$rate / $source_rate" 2)
echo "provider: $PROVIDER, nodes: $NODES, subscribers: $SUBSCRIBERS, connections: $CONNECTIONS per node, message size: $size bytes"
echo "render into outbox: ${render_s} s ($render_rate digests/s)"
echo "deliver: ${send_s} s, $rate digests/s, peak memory $peak_mb MB (the largest node)"
echo "smtp-source: ${source_s} s, $source_rate messages/s"
echo "ratio (deliver / smtp-source): $ratio"
