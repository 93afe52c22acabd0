#!/usr/bin/env bash
# scripts/compare.sh OLD NEW [ROUNDS]: two builds of tonghop compared on the national dataset,
# taking turns (old, new, old, new...), so that both see the same hour of this shared machine,
# whose speed moves by a third from one hour to the next. For each job of `make bench` (cold
# run, warm re-run, one more file, report --scope VN) it prints each build's median wall time
# and CPU time, and the median of the differences between the two runs of a round with how many
# rounds the new build won.
#
# OLD and NEW are tonghop binaries (copy .build/release/tonghop aside before rebuilding). The
# dataset is the one `make bench` caches under bench/cache/ (run `make bench` once first). The
# page cache is warmed before each job, as in `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1"); NEW=$(realpath "$2"); ROUNDS=${3:-5}
INPUTS=$(ls -d bench/cache/vn-2024-*/inputs 2>/dev/null | head -1 || true)
[ -n "$INPUTS" ] || { echo "no national dataset under bench/cache/: run make bench once" >&2; exit 1; }
INPUTS=$(realpath "$INPUTS")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The corrected commune report of `make bench`'s "one more file", beside hard links to the rest.
cp -al "$INPUTS" "$WORK/extra"
one=$(find "$INPUTS" -path '*2024-Q4/xa/*' -name '*.csv' | sort | sed -n 1p)
sed -e 's/^TT01,\(.*\),\([0-9]*\),$/TT01,\1,99,/' -e 's/^ngay_lap,.*/ngay_lap,2024-12-15/' "$one" > "$WORK/extra/bo-sung.csv"

warm_cache() { find "$INPUTS" -type f -print0 | xargs -0 cat > /dev/null; cat "$1"/tonghop.sqlite* > /dev/null 2>&1 || true; }
# timed NAME BUILD JOB CMD...: one line "BUILD JOB wall cpu"
timed() {
  local build=$1 job=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > /dev/null 2>&1 || true
  read -r wall user sys < <(tail -1 "$WORK/time")
  echo "$build $job $wall $(awk "BEGIN{print $user + $sys}")"
}

for round in $(seq "$ROUNDS"); do
  for build in old new; do
    bin=$OLD; [ "$build" = new ] && bin=$NEW
    home="$WORK/home-$build"
    rm -rf "$home" && mkdir -p "$home/outputs" && ln -s "$PWD/templates" "$home/templates"
    warm_cache "$home"; timed $build cold "$bin" run --home "$home" --inputs "$INPUTS" --period 2024
    warm_cache "$home"; timed $build warm "$bin" run --home "$home" --inputs "$INPUTS" --period 2024
    warm_cache "$home"; timed $build report "$bin" report --home "$home" --period 2024 --scope VN
    rm -rf "$home-after" && cp -a "$home" "$home-after"
    warm_cache "$home-after"; timed $build onemore "$bin" run --home "$home-after" --inputs "$WORK/extra" --period 2024
  done
  echo "round $round of $ROUNDS done" >&2
done > "$WORK/runs"

python3 - "$WORK/runs" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
print("| job | old wall | new wall | old CPU | new CPU | new − old (median of rounds) | rounds new faster |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for job in ["cold", "warm", "onemore", "report"]:
    old = [(float(w), float(c)) for b, j, w, c in runs if b == "old" and j == job]
    new = [(float(w), float(c)) for b, j, w, c in runs if b == "new" and j == job]
    diffs = [n[0] - o[0] for o, n in zip(old, new)]
    med = lambda xs: statistics.median(xs)
    print(f"| {job} | {med([w for w, _ in old]):.2f} s | {med([w for w, _ in new]):.2f} s | "
          f"{med([c for _, c in old]):.2f} s | {med([c for _, c in new]):.2f} s | {med(diffs):+.3f} s | "
          f"{sum(d < 0 for d in diffs)} of {len(diffs)} |")
PY
