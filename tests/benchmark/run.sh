#!/usr/bin/env bash
# Send throughput, in one run against one Postfix smtp-sink on loopback: SUBSCRIBERS digests (default 20000, a mixed
# list) end to end, end to end with DKIM, render only, deliver only, time to first message, peak memory, and
# smtp-source sending as many messages of the same size over as many connections to the same sink (the wire's limit).
# Not part of `dotnet test`: run it by hand (bash tests/benchmark/run.sh) on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBSCRIBERS=${SUBSCRIBERS:-20000}
CONNECTIONS=${CONNECTIONS:-4}
DKIM=${DKIM:-1}   # 0 skips the DKIM phase (slow on a long list)
# PROVIDER=postgres runs on a throwaway PostgreSQL (initdb in a temporary directory); NODES send processes drain the
# rendered outbox side by side in "deliver only" (each with CONNECTIONS connections), as nodes of one service would.
PROVIDER=${PROVIDER:-sqlite}
NODES=${NODES:-1}
EDITION=2026-08-14

for tool in /usr/sbin/smtp-sink /usr/sbin/smtp-source /usr/bin/time; do
  [ -x "$tool" ] || { echo "benchmark: $tool is missing; install the Debian packages postfix and time (deploy/test.sh installs postfix)" >&2; exit 1; }
done
for tool in python3 openssl; do
  command -v $tool >/dev/null || { echo "benchmark: $tool is needed" >&2; exit 1; }
done

work=$(mktemp -d /tmp/digest-bench-XXXXXX)
pids=()
pgdir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pgdir" ]; then "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(nproc) cores, load average $(load) at start"
# Published as deployed (deploy/Dockerfile): ReadyToRun, so the figures do not include the JIT warming up.
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
dotnet publish src/DigestService -c Release -r $rid --self-contained false -p:PublishReadyToRun=true -o "$work/app" -v quiet -nologo >/dev/null
app=(dotnet "$work/app/DigestService.dll")

# The feed: the real Hugging Face answer of the edition's day, served over HTTP on loopback.
mkdir -p "$work/feed/api"
cp tests/DigestService.Tests/Fixtures/feeds/hf-daily-papers-$EDITION.json "$work/feed/api/daily_papers"
feed_port=$(free_port)
python3 -m http.server "$feed_port" --bind 127.0.0.1 --directory "$work/feed" >/dev/null 2>&1 &
pids+=($!)

# One sink for every phase. -c prints a running count on each delivered message: its first byte is the first message.
sink_port=$(free_port)
/usr/sbin/smtp-sink -u nobody -c "127.0.0.1:$sink_port" 1024 > "$work/sink.out" 2>&1 &
pids+=($!)
sleep 0.5

runas=()
if [ "$PROVIDER" = postgres ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pgbin/postgres" ] || { echo "benchmark: PostgreSQL is missing; install the Debian package postgresql" >&2; exit 1; }
  pgdir=$(mktemp -d /tmp/digest-bench-pg-XXXXXX)
  [ "$(id -u)" -eq 0 ] && { chown postgres "$pgdir"; runas=(runuser -u postgres --); }
  "${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  pg_port=$(free_port)
  "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
    -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
  psql_() { "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt "$@"; }
  psql_ -c "CREATE DATABASE digest"
  export Database__Provider=Postgres ConnectionStrings__Digest="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=digest"
  sql() { psql_ -d digest -c "$1"; }
  # The imported list is kept as a template database; each phase starts from a copy of it.
  keep_list() { psql_ -c "CREATE DATABASE list TEMPLATE digest"; }
  fresh_list() { psql_ -c "DROP DATABASE digest WITH (FORCE)" -c "CREATE DATABASE digest TEMPLATE list"; }
else
  export ConnectionStrings__Digest="Data Source=$work/digest.db"
  sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$work/digest.db" "$1"; }
  keep_list() { cp "$work/digest.db" "$work/list.db"; }
  fresh_list() { cp "$work/list.db" "$work/digest.db"; rm -f "$work/digest.db-wal" "$work/digest.db-shm"; }
fi
export Feed__Url="http://127.0.0.1:$feed_port/api/daily_papers" Feed__WindowDays=1
export Site__BaseUrl="https://digest.example.org" Smtp__From="Digest <digest@example.org>"
export Smtp__Host=127.0.0.1 Smtp__Security=None Smtp__MaxConnections=$CONNECTIONS
export Logging__Console__LogLevel__Default=None

"${app[@]}" ingest --date $EDITION >/dev/null
# The mixed list: 4 in 10 everyone's list, 4 in 10 one or two catalog topics, 2 in 10 their own keywords.
python3 - "$SUBSCRIBERS" > "$work/subscribers.csv" <<'EOF'
import random, sys
random.seed(13)
topics = ["llm", "reasoning", "agents", "multimodal", "generation", "speech-audio", "reinforcement-learning",
          "robotics", "vision-3d", "efficiency", "safety", "code"]
words = ["world models", "sparse attention", "linear attention", "distillation", "routing", "video", "diffusion",
         "speculative decoding", "reinforcement learning", "agentic", "benchmark", "3D", "depth", "robot", "planning",
         "retrieval", "long context", "quantization", "tokenizer", "alignment", "reward model", "math", "proof",
         "code generation", "speech", "audio", "image editing", "segmentation", "multimodal", "pre-training",
         "fine-tuning", "memory", "tool use", "search", "graph", "protein", "medical", "evaluation", "privacy", "safety"]
print("email,topics,keywords")
for i in range(1, int(sys.argv[1]) + 1):
    kind = i % 10
    chosen = "" if kind < 4 else ",".join(random.sample(topics, random.randint(1, 2))) if kind < 8 else ""
    keywords = ", ".join(random.sample(words, random.randint(1, 3))) if kind >= 8 else ""
    print(f'reader-{i}@example.org,"{chosen}","{keywords}"')
EOF
"${app[@]}" subscribers import "$work/subscribers.csv" --confirmed >/dev/null
keep_list
openssl genrsa -out "$work/dkim.pem" 2048 2>/dev/null

# Runs `send` as its own process under GNU time (peak resident memory in $work/rss); sets $elapsed and $sent.
timed_send() {
  local start; start=$(now)
  /usr/bin/time -f "%M" -o "$work/rss" "${app[@]}" send --date $EDITION > "$work/send.out" 2>"$work/send.err" || true
  elapsed=$(calc "$(now) - $start" 2)
  sent=$(grep -o 'sent [0-9]*' "$work/send.out" | cut -d' ' -f2 || true)
  [ -n "$sent" ] || { echo "benchmark: send failed: $(cat "$work/send.out" "$work/send.err")" >&2; exit 1; }
}

# 1. End to end: select, render, queue and deliver in one `send`, the first message timed from the process start.
fresh_list
[ ! -s "$work/sink.out" ] || { echo "benchmark: the sink counted messages before the run" >&2; exit 1; }
( while [ ! -s "$work/sink.out" ]; do sleep 0.005; done; now > "$work/first" ) &
watcher=$!
started=$(now)
Smtp__Port=$sink_port timed_send
wait $watcher || true
e2e_s=$elapsed e2e_sent=$sent e2e_mb=$(( $(tail -1 "$work/rss") / 1024 ))
first_s=$(calc "$(cat "$work/first") - $started" 2)
nothing_new=$(sql "select count(*) from deliveries where state = 'skipped'")

echo "end to end: ${e2e_s} s for $e2e_sent digests, peak memory $e2e_mb MB, first message after ${first_s} s (load $(load))"

# 2. End to end with DKIM (RSA-2048), signed in the renderers.
dkim_s=0 dkim_sent=0
if [ "$DKIM" != 0 ]; then
  fresh_list
  Dkim__Domain=example.org Dkim__Selector=bench Dkim__PrivateKeyFile="$work/dkim.pem" Smtp__Port=$sink_port timed_send
  dkim_s=$elapsed dkim_sent=$sent
fi

# 3. Render only: with the SMTP port closed, `send` renders and queues every digest into the outbox and sends none.
fresh_list
closed_port=$(free_port)
Smtp__Port=$closed_port timed_send
render_s=$elapsed render_mb=$(( $(tail -1 "$work/rss") / 1024 ))
echo "render only: ${render_s} s, peak memory $render_mb MB (load $(load))"
queued=$(sql "select count(*) from delivery_messages")
size=$(sql "select round(avg(length(message))) from delivery_messages" | cut -d. -f1)

# 4. Deliver only: NODES processes of the same verb, started together, drain the rendered outbox into the sink.
start=$(now)
senders=()
for node in $(seq 1 "$NODES"); do
  Smtp__Port=$sink_port /usr/bin/time -f "%M" -o "$work/rss.$node" "${app[@]}" send --date $EDITION > "$work/deliver.$node" 2>&1 &
  senders+=($!)
done
for pid in "${senders[@]}"; do wait "$pid" || true; done
deliver_s=$(calc "$(now) - $start" 2)
deliver_sent=$(cat "$work"/deliver.* | grep -o 'sent [0-9]*' | awk '{ s += $2 } END { print s + 0 }')
[ "$deliver_sent" -eq "$queued" ] || { echo "benchmark: $deliver_sent of $queued digests delivered: $(cat "$work"/deliver.*)" >&2; exit 1; }
deliver_mb=$(( $(cat "$work"/rss.* | grep -E '^[0-9]+$' | sort -n | tail -n 1) / 1024 ))

# 5. The yardstick: smtp-source, as many messages of the same size over as many reused connections, same sink.
start=$(now)
/usr/sbin/smtp-source -d -s "$((CONNECTIONS * NODES))" -m "$e2e_sent" -l "$size" -f digest@example.org -t reader@example.org "127.0.0.1:$sink_port"
source_s=$(calc "$(now) - $start" 2)

source_rate=$(calc "$e2e_sent / $source_s")
e2e_rate=$(calc "$e2e_sent / $e2e_s")
dkim_rate=$([ "$DKIM" != 0 ] && calc "$dkim_sent / $dkim_s" || echo 0)
render_rate=$(calc "$queued / $render_s")
deliver_rate=$(calc "$deliver_sent / $deliver_s")
echo "provider: $PROVIDER, subscribers: $SUBSCRIBERS (digests: $e2e_sent, nothing new: $nothing_new), connections: $CONNECTIONS, message size: $size bytes"
echo "end to end:      ${e2e_s} s, $e2e_rate digests/s, peak memory $e2e_mb MB, ratio $(calc "$e2e_rate / $source_rate" 2)"
echo "first message:   ${first_s} s after the process started"
echo "end to end DKIM: ${dkim_s} s, $dkim_rate digests/s, ratio $(calc "$dkim_rate / $source_rate" 2)"
echo "render only:     ${render_s} s, $render_rate digests/s, peak memory $render_mb MB"
echo "deliver only:    ${deliver_s} s, $deliver_rate digests/s by $NODES node(s), peak memory $deliver_mb MB, ratio $(calc "$deliver_rate / $source_rate" 2)"
echo "smtp-source:     ${source_s} s, $source_rate messages/s over $((CONNECTIONS * NODES)) connections"
echo "load average at the end: $(load)"
