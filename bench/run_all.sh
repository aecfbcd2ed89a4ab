#!/usr/bin/env bash
# Every side-by-side measurement of the project, one section each; prints the figures.
# Build first: mvn -B -q -DskipTests package (bench/target/benchmarks.jar). Short runs by default;
# FULL=1 for the JMH defaults.
set -eu
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
SHORT=(-wi 3 -w 1 -i 5 -r 1 -f 1)
[ "${FULL:-0}" = 1 ] && SHORT=()

echo "== sandbox: the run-time guard on 10^5-iteration script loops (sandboxed=true vs false)"
java -jar "$JAR" SandboxBenchmark "${SHORT[@]}" -rf text -rff /dev/stdout 2>/dev/null | grep -E '^(Benchmark|SandboxBenchmark)' || true
