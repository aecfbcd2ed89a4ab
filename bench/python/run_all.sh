#!/bin/bash
# Runs every reference benchmark and writes the outputs (with the commands) to a results file.
# Needs Debian's python3 with: apt-get install -y python3-numpy python3-scipy python3-torch
# Usage: bash bench/python/run_all.sh [results-file]
set -u
cd "$(dirname "$0")"
OUT="${1:-results-$(date +%F).txt}"
PY=/usr/bin/python3

run() {  # run "ENV=.. cmd args" and log it
    echo "\$ $*" >> "$OUT"
    local t0=$(date +%s%N)
    env "$@" >> "$OUT" 2>&1
    local rc=$?
    echo "[exit $rc, wall $(( ($(date +%s%N) - t0) / 1000000 )) ms]" >> "$OUT"
    echo >> "$OUT"
}

{
    echo "# Gradus reference benchmarks (Python/numpy/scipy/torch), $(date -u +'%F %T UTC')"
    echo "# host: $(uname -srm); nproc=$(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
    echo "# apt packages: python3-numpy python3-scipy python3-torch"
    dpkg-query -W -f='#   ${Package} ${Version}\n' python3-numpy python3-scipy python3-torch libopenblas0-pthread 2>/dev/null
    echo "# OpenBLAS runtime kernel: $(OPENBLAS_VERBOSE=2 $PY -c 'import numpy' 2>&1 | head -1)"
    echo
} > "$OUT"

# main runs (as the brief specifies, default environment)
run $PY rosenbrock_numpy.py
run $PY lbfgs_scipy.py
run $PY logistic_numpy.py
run $PY adam_torch.py

# extra variants (not part of the brief): environment sensitivity on this VM
run OMP_WAIT_POLICY=PASSIVE $PY rosenbrock_numpy.py
run OMP_WAIT_POLICY=PASSIVE $PY adam_torch.py
run OPENBLAS_CORETYPE=SkylakeX $PY logistic_numpy.py
run OPENBLAS_NUM_THREADS=1 $PY logistic_numpy.py
echo "wrote $OUT"
