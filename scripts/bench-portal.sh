#!/usr/bin/env bash
# The portal's answer to an upload on a store holding a national year, over loopback, beside
# `tonghop check` of the same file in the same run (run by scripts/bench.sh, or on its own).
#
#   scripts/bench-portal.sh BIN HOME INPUTS
#
# HOME is a home whose store holds the national year read from INPUTS (bench.sh passes the
# state after its cold run); it is copied, never changed. Uploads go to a folder of their own.
# Prints a Markdown table: the median and the 90th percentile of UPLOADS commune forms and
# TABLES district tables, each a corrected version of a file of INPUTS (a new figure and a later
# date line, so that each is stored and replaces the report before it), sent one after the
# other as a clerk would; the median of `tonghop check` on the same files; and ten more commune
# forms sent while the server rewrites, in the background, the workbooks the others changed.
set -euo pipefail
BIN=$1 SOURCE_HOME=$2 INPUTS=$3
UPLOADS=${BENCH_UPLOADS:-40} TABLES=${BENCH_TABLES:-15} DURING=10
WORK=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
[ -n "${BENCH_KEEP_LOG:-}" ] && trap 'cp "$WORK/serve.log" "$BENCH_KEEP_LOG"; cleanup' EXIT

cp -a "$SOURCE_HOME" "$WORK/home"
mkdir -p "$WORK/home/uploads" "$WORK/files"
ws=(--home "$WORK/home" --inputs "$WORK/home/uploads")
# A commune form and a district table, each made new (TT01 or MT07 raised, a later date line).
communes=$(find "$INPUTS" -path '*2024-Q4/xa/*.csv' | sort | sed -n "1,$((UPLOADS + DURING))p")
tables=$(find "$INPUTS" -path '*2024-Q4/bang-xa-huyen-*.csv' | sort | sed -n "1,${TABLES}p")
[ -n "$tables" ] || { echo "no district table in $INPUTS" >&2; exit 1; }
i=0
for f in $communes; do
  i=$((i + 1))
  sed -e "s/^TT01,\(.*\),\([0-9]*\),\$/TT01,\1,$((100 + i)),/" -e 's/^ngay_lap,.*/ngay_lap,2024-12-15/' "$f" > "$WORK/files/xa-$i.csv"
done
i=0
for f in $tables; do
  i=$((i + 1))
  # Every commune's MT07 (the fifth column) in the table raised by one; the date column kept.
  awk -F, -v OFS=, 'NR > 1 && $5 ~ /^[0-9]+$/ { $5 = $5 + 1 } { print }' "$f" > "$WORK/files/bang-$i.csv"
done

# Every period's workbooks up to date first, as cron's run would leave them (bench.sh's cold run
# wrote the year's only): the server would otherwise begin by writing them all.
"$BIN" run --home "$WORK/home" --inputs "$INPUTS" > /dev/null 2>&1 || true
# One account that may send both (the nation's), with an API token.
echo "mat-khau-bench" | "$BIN" user add bench-vn --unit VN --role tong-hop --password-stdin "${ws[@]}" > /dev/null
token=$("$BIN" user token bench-vn "${ws[@]}" | tail -1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve "${ws[@]}" --listen "127.0.0.1:$port" > "$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

# time_total of each upload, in seconds; every answer must be 200 and say the file was stored.
send() {
  local out
  out=$(curl -s -w '\n%{http_code} %{time_total}' -H "Authorization: Bearer $token" -F "file=@$1" "http://127.0.0.1:$port/api/v1/files")
  local last=${out##*$'\n'}
  [ "${last%% *}" = 200 ] || { echo "upload of $1: $out" >&2; exit 1; }
  case "$out" in *'"alreadyReceived":false'*) ;; *) echo "upload of $1 not stored: $out" >&2; exit 1 ;; esac
  echo "${last#* }"
}
for i in $(seq "$UPLOADS"); do send "$WORK/files/xa-$i.csv"; done > "$WORK/xa.times"
for f in "$WORK"/files/bang-*.csv; do send "$f"; done > "$WORK/bang.times"
# Then quiet long enough (3 s) for the server to start rewriting the workbooks of 2024-Q4, H2
# and the year, and more commune forms meanwhile: each waits for the period being written.
sleep 3.3
for i in $(seq $((UPLOADS + 1)) $((UPLOADS + DURING))); do send "$WORK/files/xa-$i.csv"; done > "$WORK/during.times"
kill -TERM "$SERVER"; wait "$SERVER" || true; SERVER=

# tonghop check of the same files, against the same store (compared with earlier quarters, as
# the upload is), five times each.
checktime() {
  local i
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$WORK/t" "$BIN" check "${ws[@]}" "$1" > /dev/null 2>&1 || true
    tail -1 "$WORK/t"
  done
}
checktime "$WORK/files/xa-1.csv" > "$WORK/xa.check"
checktime "$WORK/files/bang-1.csv" > "$WORK/bang.check"

python3 - "$WORK" "$UPLOADS" "$TABLES" <<'PY'
import statistics, sys
work = sys.argv[1]
def read(name): return sorted(float(x) for x in open(f"{work}/{name}").read().split())
def p90(v): return v[min(len(v) - 1, int(round(0.9 * (len(v) - 1))))]
rows = [("one commune form (`POST /api/v1/files`)", "xa", 0.2), ("one district table (`POST /api/v1/files`)", "bang", 0.5)]
print("| upload, over loopback | uploads | median | 90th percentile | `tonghop check` of the same file | target | met |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, name, target in rows:
    t, c = read(f"{name}.times"), read(f"{name}.check")
    m = statistics.median(t)
    print(f"| {label} | {len(t)} | {m:.3f} s | {p90(t):.3f} s | {statistics.median(c):.3f} s | ≤ {target} s | {'yes' if m <= target else 'no'} |")
d = read("during.times")
print(f"| one commune form while the workbooks are rewritten in the background | {len(d)} | {statistics.median(d):.3f} s | "
      f"{p90(d):.3f} s (longest {max(d):.3f} s) | | | |")
PY
