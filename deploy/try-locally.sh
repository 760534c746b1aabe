#!/usr/bin/env bash
# Follows docs/deployment.md on one machine: PostgreSQL and Redis (the local servers), 2 nodes of
# `jobboard serve --workers 2`, each with its own index folder, sharing one upload folder, behind nginx on
# loopback. Starts everything in a temporary folder, checks it, and stops and removes it all on exit.
#
#   deploy/try-locally.sh          # start, check, stop
#   deploy/try-locally.sh --hold   # start, check, then wait for Enter before stopping (try it in a browser)
#
# Needs: nginx (apt-get install nginx), curl, the PostgreSQL server at $JOBBOARD_PG_SERVER
# (default postgresql://postgres@127.0.0.1:5432/test) and, if running, Redis on 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
HOLD=${1:-}
PG_SERVER=${JOBBOARD_PG_SERVER:-postgresql://postgres@127.0.0.1:5432/test}
WORK=$(mktemp -d /tmp/jobboard-cluster.XXXXXX)
DB=jb_cluster_$(date +%s)_$$
NAMESPACE=jbcluster-$$
free_port() { "$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT_A=$(free_port); PORT_B=$(free_port); PORT_NGINX=$(free_port)
BOARD=http://127.0.0.1:$PORT_NGINX
NODE_PIDS=()
say() { printf '\n== %s\n' "$*"; }
served_by() {  # url: "200 a" (status, and the node nginx chose)
  curl -s -o /dev/null -D - "$1" | tr -d '\r' | awk -F': ' -v a="127.0.0.1:$PORT_A" -v b="127.0.0.1:$PORT_B" '
    /^HTTP/ {split($0, w, " "); status=w[2]} tolower($1)=="x-served-by" {node=($2==a ? "a" : $2==b ? "b" : $2)}
    END {printf "%s %s  ", status, node}'
}

stop_all() {
  set +e
  say "stopping"
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null
  for pid in "${NODE_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  for pid in "${NODE_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null
  done
  psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
  if [ -n "${JOBBOARD_REDIS_URL:-}" ]; then
    redis-cli --scan --pattern "$NAMESPACE*" | xargs -r redis-cli del >/dev/null
  fi
  rm -rf "$WORK"
  echo "stopped; $WORK removed"
}
trap stop_all EXIT

say "settings shared by every node (see docs/deployment.md)"
psql "$PG_SERVER" -qc "CREATE DATABASE \"$DB\""
export JOBBOARD_DATABASE_URL=${PG_SERVER%/*}/$DB
export JOBBOARD_UPLOAD_DIR=$WORK/shared-uploads          # NFS in production: the same on every node
export JOBBOARD_SECRET_KEY=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(48))')
export JOBBOARD_BASE_URL=$BOARD
export JOBBOARD_TRUSTED_PROXIES=127.0.0.1                # nginx's address, as the nodes see it
export JOBBOARD_LOG_FORMAT=json
export JOBBOARD_REDIS_NAMESPACE=$NAMESPACE
if redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then export JOBBOARD_REDIS_URL=redis://127.0.0.1:6379/0; fi
env | grep '^JOBBOARD_' | grep -v SECRET_KEY | sort

say "schema and demo data"
JOBBOARD_INDEX_DIR=$WORK/scratch-index "$BIN/jobboard" migrate
JOBBOARD_INDEX_DIR=$WORK/scratch-index "$BIN/jobboard" demo-data | head -1

start_node() {  # name port
  mkdir -p "$WORK/node-$1"
  JOBBOARD_INDEX_DIR=$WORK/node-$1/index setsid "$BIN/jobboard" serve --host 127.0.0.1 --port "$2" --workers 2 \
    >"$WORK/node-$1/serve.log" 2>&1 &
  NODE_PIDS+=($!)
}
wait_ready() {  # url
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/readyz")" = 200 ] && return 0
    sleep 0.2
  done
  echo "not ready: $1" >&2; return 1
}
say "2 nodes x 2 workers on ports $PORT_A and $PORT_B"
start_node a "$PORT_A"; start_node b "$PORT_B"
wait_ready "http://127.0.0.1:$PORT_A"; wait_ready "http://127.0.0.1:$PORT_B"
for node in a b; do
  echo "node $node: index writer is worker $(cat "$WORK/node-$node/index/follower.lock") of $(pgrep -P "${NODE_PIDS[$([ $node = a ] && echo 0 || echo 1)]}" -f spawn_main | tr '\n' ' ')"
done

say "nginx on $BOARD"
mkdir -p "$WORK/nginx"
UPSTREAMS="        server 127.0.0.1:$PORT_A max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$PORT_B max_fails=3 fail_timeout=10s;"
"$BIN/python" - "$WORK/nginx/nginx.conf" <<PY
import sys
text = open("$ROOT/deploy/nginx.conf.in").read()
for key, value in {"@PREFIX@": "$WORK/nginx", "@LISTEN@": "127.0.0.1:$PORT_NGINX",
                   "@STATIC@": "$ROOT/jobboard/static", "@UPSTREAMS@": """$UPSTREAMS"""}.items():
    text = text.replace(key, value)
open(sys.argv[1], "w").write(text)
PY
nginx -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>&1 | tail -1
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
wait_ready "$BOARD"

say "through nginx: status and the node that answered"
for _ in 1 2 3 4 5 6; do served_by "$BOARD/jobs?q=%E6%BF%80%E5%85%89"; done; echo
curl -s -o /dev/null -w 'static CSS through nginx: %{http_code}, %{size_download} bytes\n' "$BOARD/static/css/app.css"

say "a job seeker signs in on one node and applies through the other"
# Straight to each node, with the Host header nginx would send (the nodes only answer the board's name).
HOST="Host: 127.0.0.1:$PORT_NGINX"
JAR=$WORK/cookies.txt
curl -s -H "$HOST" -c "$JAR" -o /dev/null "http://127.0.0.1:$PORT_A/login"
CSRF=$(awk '$6 == "csrftoken" {print $7}' "$JAR")
curl -s -H "$HOST" -b "$JAR" -c "$JAR" -o /dev/null -w 'sign-in on node a: %{http_code}\n' -H "X-CSRFToken: $CSRF" \
  --data-urlencode email=seeker1@demo.example.cn --data-urlencode password=demo-seeker-2026 "http://127.0.0.1:$PORT_A/login"
JOB=$(curl -s "$BOARD/api/jobs?per_page=50" | "$BIN/python" -c 'import json,sys; print(json.load(sys.stdin)["items"][-1]["id"])')
"$BIN/python" -c 'from pypdf import PdfWriter; w = PdfWriter(); w.add_blank_page(595, 842); w.write(open("'"$WORK"'/cv.pdf", "wb"))'
CSRF=$(awk '$6 == "csrftoken" {print $7}' "$JAR")
curl -s -H "$HOST" -b "$JAR" -c "$JAR" -o /dev/null -w "application to job $JOB on node b: %{http_code} -> %{redirect_url}\n" \
  -H "X-CSRFToken: $CSRF" -F consent=yes -F cover_letter= -F "resume=@$WORK/cv.pdf;type=application/pdf" \
  "http://127.0.0.1:$PORT_B/jobs/$JOB/apply"
echo "resumes in the shared folder: $(ls "$JOBBOARD_UPLOAD_DIR/resumes" | wc -l)"

say "node a stops: nginx sends everyone to node b"
kill -TERM -- "-${NODE_PIDS[0]}"
for _ in $(seq 1 100); do kill -0 "${NODE_PIDS[0]}" 2>/dev/null || break; sleep 0.1; done
for _ in $(seq 1 12); do served_by "$BOARD/jobs?q=FPGA"; done; echo
say "node a starts again and rejoins"
start_node a "$PORT_A"; wait_ready "http://127.0.0.1:$PORT_A"
sleep 10  # nginx left node a out for fail_timeout (10 s) after its failures
for _ in $(seq 1 8); do served_by "$BOARD/api/jobs?q=laser"; done; echo
echo "an access line of node b: $(grep -h 'GET /api/jobs' "$WORK/node-b/serve.log" | tail -1)"
echo "5xx answers in the nodes' access logs: $(grep -hcE '"status": 5[0-9]{2}|jobboard.access .* 5[0-9]{2} [0-9.]+ ms' "$WORK"/node-*/serve.log | paste -sd+ | bc)"

if [ "$HOLD" = "--hold" ]; then
  say "running: open $BOARD (demo accounts: README). Enter stops everything."
  read -r _
fi
