#!/bin/bash
# Whole-process start-up, side by side with Python (issue 9, SPEC §6): the median wall and CPU time of N runs of
#   - `gradus run three.opt --json`, the script seen before (its compiled classes in the script cache),
#   - the same with a script never seen (a new comment each time: a new cache key, so it compiles),
#   - the REPL in its own process (GRADUS_DAEMON=0) to its first prompt and out again (`:quit` typed into a
#     pseudo-terminal made by script(1)),
#   - the same REPL with one input (`1 + 1`, then `:quit`): the prompt comes before the session is ready (it is
#     made on a thread of its own), so this row shows what the first input waits for (script(1) adds delays of
#     its own to these two rows: `script -qec true` with a file as input takes 2 s; at the end, bench/repl_prompt.py
#     times the REPL to its prompt at a pseudo-terminal it drives itself, in its own process and in the daemon),
#   - the seen-before script with the JIT stopped at C1 (`-XX:TieredStopAtLevel=1`, not what the launcher does
#     for `run`: for comparison),
#   - with the resident daemon (GRADUS_DAEMON=1, docs/daemon.md, a throw-away daemon folder): the run that starts
#     it (the daemon stopped before each), and the seen-before and new scripts once it runs (right after it, while
#     the young daemon warms up, and again 2 s later: a person writing the next script),
#   - a script that draws Rosenbrock's level sets with three descent paths (SPEC §6's picture) through the daemon
#     once its warm-up is done (its first picture, then its second) and in its own process,
#   - the seen-before script at a terminal (no --json; a 100x30 pseudo-terminal of script(1), TERM=xterm-256color),
#     in its own process and through the daemon (which draws for the terminal the launcher describes),
#   - python3 -c 'import scipy.optimize' (the reference) and plain `java -version` (the JVM's own floor).
# At the end, bench/repl_prompt.py (the REPL's prompt, in its own process and in the daemon) and bench/first_solve.opt twice through the daemon: its second run's first solve is a warm JVM's.
# Targets: 0.3 s seen before, 0.5 s new, 0.3 s to the REPL's prompt. The variants are interleaved run by
# run so that they see the same load; read them against each other, not against another day's figures. On a
# loaded machine the CPU column (user + sys, /usr/bin/time) is the steadier one: wall time includes waiting.
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
# SPEC §6's picture: Rosenbrock's level sets with three descent paths, 800x600 PNG (bench PlotTiming draws it in-process)
cat > "$work/contour.opt" <<'OPT'
x = variable(-1.2)
y = variable(1)
rosen = (1 - x)**2 + 100*(y - x**2)**2
r1 = minimize(rosen, method: 'gd', lr: 0.001, maxIter: 2000)
r2 = minimize(rosen, method: 'momentum', lr: 0.0005, momentum: 0.9, maxIter: 2000)
r3 = minimize(rosen, method: 'lbfgs')
plot rosen, x: -2..2, y: -1..3, path: [r1, r2, r3], file: 'contour.png'
OPT
export GRADUS_CACHE_DIR="$work/cache"              # a throw-away script cache: the user's stays as it was
export GRADUS_DAEMON_DIR="$work/daemon"            # and a throw-away daemon, stopped at the end
trap 'GRADUS_DAEMON=1 ./gradus daemon --stop > /dev/null 2>&1; rm -rf "$work"' EXIT

GRADUS_DAEMON=0 ./gradus run "$work/three.opt" --json > /dev/null || exit 1     # builds if needed, makes the CDS archive, fills the cache

# time_once NAME COMMAND...: appends the wall milliseconds of one run to $work/NAME and its CPU milliseconds
# (user + sys: what the run itself cost, without the time it waited for a core) to $work/NAME.cpu
time_once() {
  local name="$1"; shift
  /usr/bin/time -o "$work/t" -f '%e %U %S' "$@" > /dev/null 2>&1 < "${STDIN:-/dev/null}"
  awk 'END { printf "%d\n", $1 * 1000 }' "$work/t" >> "$work/$name"
  awk 'END { printf "%d\n", ($2 + $3) * 1000 }' "$work/t" >> "$work/$name.cpu"
}
printf ':quit\n' > "$work/quit"
printf '1 + 1\n:quit\n' > "$work/one"
for ((k = 0; k < N; k++)); do
  GRADUS_DAEMON=0 time_once seen ./gradus run "$work/three.opt" --json
  printf '%s\n// new %s %s\n' "$three" "$k" "$RANDOM$RANDOM" > "$work/new$k.opt"
  GRADUS_DAEMON=0 time_once new ./gradus run "$work/new$k.opt" --json
  # the REPL needs a terminal (with piped input `gradus` runs stdin as a script): script(1) gives it one
  # (a terminal of 100 x 30 named xterm-256color, as at a real one: script(1)'s pseudo-terminal has no size when its
  # input is a file, and the REPL goes to the daemon only at a terminal of known type and size)
  STDIN="$work/quit" TERM=xterm-256color GRADUS_DAEMON=0 time_once repl script -qec "stty cols 100 rows 30; ./gradus" /dev/null
  STDIN="$work/one" TERM=xterm-256color GRADUS_DAEMON=0 time_once repl1 script -qec "stty cols 100 rows 30; ./gradus" /dev/null
  GRADUS_DAEMON=0 GRADUS_JAVA_OPTS=-XX:TieredStopAtLevel=1 time_once c1 ./gradus run "$work/three.opt" --json
  GRADUS_DAEMON=1 ./gradus daemon --stop > /dev/null 2>&1
  GRADUS_DAEMON=1 time_once dfirst ./gradus run "$work/three.opt" --json
  GRADUS_DAEMON=1 time_once dseen ./gradus run "$work/three.opt" --json
  printf '%s\n// daemon %s %s\n' "$three" "$k" "$RANDOM$RANDOM" > "$work/dnew$k.opt"
  GRADUS_DAEMON=1 time_once dnew ./gradus run "$work/dnew$k.opt" --json
  sleep 2                                          # a person writing the next script: the daemon's warm-up ends
  printf '%s\n// later %s %s\n' "$three" "$k" "$RANDOM$RANDOM" > "$work/dlater$k.opt"
  GRADUS_DAEMON=1 time_once dlater ./gradus run "$work/dlater$k.opt" --json
  sleep 3                                          # the young daemon's warm-up, pictures included, is done
  GRADUS_DAEMON=1 time_once dplot ./gradus run "$work/contour.opt"
  GRADUS_DAEMON=1 time_once dplot2 ./gradus run "$work/contour.opt"
  GRADUS_DAEMON=0 time_once plot ./gradus run "$work/contour.opt"
  STDIN=/dev/null TERM=xterm-256color GRADUS_DAEMON=0 time_once tty script -qec "stty cols 100 rows 30; ./gradus run $work/three.opt" /dev/null
  STDIN=/dev/null TERM=xterm-256color GRADUS_DAEMON=1 time_once dtty script -qec "stty cols 100 rows 30; ./gradus run $work/three.opt" /dev/null
  time_once python $PY -c 'import scipy.optimize'
  time_once java java -Xshare:auto -version
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%6.0f ms  (min %d, max %d)", m, a[1], a[NR] }'; }
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%T) UTC, median of $N"
echo "                                   wall                          CPU (user + sys)"
row() { echo "$1 $(median "$work/$2")   $(median "$work/$2.cpu")   $3"; }
row "gradus run, script seen before:   " seen   "target 300 ms"
row "gradus run, new script:           " new    "target 500 ms"
row "REPL to its prompt and out:       " repl   "in its own process"
row "REPL, one input (1 + 1) and out:  " repl1  "in its own process"
row "seen before, C1 only (not shipped):" c1     ""
row "daemon: the run that starts it:    " dfirst ""
row "daemon: seen before:              " dseen  "target 300 ms"
row "daemon: new script:               " dnew   "target 500 ms (the third run of a young daemon, right after the others)"
row "daemon: new script 2 s later:     " dlater "target 500 ms (the young daemon's warm-up done)"
row "contour plot, daemon's first:     " dplot  "target 500 ms (SPEC §6: three paths, 800x600 PNG; the daemon warmed up)"
row "contour plot, daemon's second:    " dplot2 ""
row "contour plot, its own process:    " plot   ""
row "at a terminal, in its own process:" tty    ""
row "at a terminal, through the daemon:" dtty   "target 300 ms"
row "python3 -c 'import scipy.optimize':" python "(reference)"
row "java -version:                    " java   "(the JVM's floor)"
echo "# the REPL at a pseudo-terminal driven by bench/repl_prompt.py (its own $N runs, interleaved with python's import):"
$PY bench/repl_prompt.py "$N"
echo "# bench/first_solve.opt through the daemon, twice (the second run's first solve runs in a warm JVM):"
for r in 1 2; do echo "run $r: $(GRADUS_DAEMON=1 ./gradus run bench/first_solve.opt 2>&1 | tr '\n' ';')"; done
