#!/bin/bash
# Whole-process start-up, side by side with Python (issue 9, SPEC §6): the median wall time of N runs of
#   - `gradus run three.opt --json`, the script seen before (its compiled classes in the script cache),
#   - the same with a script never seen (a new comment each time: a new cache key, so it compiles),
#   - the REPL to its first prompt and out again (`:quit` piped in),
#   - python3 -c 'import scipy.optimize' (the reference) and plain `java -version` (the JVM's own floor).
# Targets: 0.3 s seen before, 0.5 s new, 0.3 s to the REPL's prompt. The variants are interleaved run by
# run so that they see the same load; read them against each other, not against another day's figures.
#
#   bash bench/startup.sh [N]        (N runs of each, default 7; run from the project root or anywhere)
set -u
cd "$(dirname "$0")/.."
N="${1:-7}"
PY=/usr/bin/python3
work="$(mktemp -d "${TMPDIR:-/tmp}/gradus-startup.XXXXXX")" || exit 1
trap 'rm -rf "$work"' EXIT
three='x = variable(1)
f = (x - 2)**2 + 1
grad(f).at(x: 0)'
printf '%s\n' "$three" > "$work/three.opt"
export GRADUS_CACHE_DIR="$work/cache"              # a throw-away script cache: the user's stays as it was

./gradus run "$work/three.opt" --json > /dev/null || exit 1     # builds if needed, makes the CDS archive, fills the cache

ms() { echo $(( $(date +%s%N) / 1000000 )); }
# time_once NAME COMMAND...: appends the wall milliseconds of one run to $work/NAME
time_once() {
  local name="$1" t0 t1; shift
  t0=$(ms); "$@" > /dev/null 2>&1 < "${STDIN:-/dev/null}"; t1=$(ms)
  echo $((t1 - t0)) >> "$work/$name"
}
printf ':quit\n' > "$work/quit"
for ((k = 0; k < N; k++)); do
  time_once seen ./gradus run "$work/three.opt" --json
  printf '%s\n// new %s %s\n' "$three" "$k" "$RANDOM$RANDOM" > "$work/new$k.opt"
  time_once new ./gradus run "$work/new$k.opt" --json
  STDIN="$work/quit" time_once repl ./gradus
  time_once python $PY -c 'import scipy.optimize'
  time_once java java -Xshare:auto -version
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%6.0f ms  (min %d, max %d)", m, a[1], a[NR] }'; }
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%T) UTC, median of $N"
echo "gradus run, script seen before:   $(median "$work/seen")   target 300 ms"
echo "gradus run, new script:           $(median "$work/new")   target 500 ms"
echo "REPL to its prompt and out:       $(median "$work/repl")   target 300 ms"
echo "python3 -c 'import scipy.optimize': $(median "$work/python")   (reference)"
echo "java -version:                    $(median "$work/java")   (the JVM's floor)"
