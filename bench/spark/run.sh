#!/bin/bash
# Gradient passes per second of the mean logistic loss on a Parquet table: the in-process kernel against
# Spark local[2] on the same rows, and Spark's per-pass overhead measured separately (docs/benchmarks.md,
# "Data on Apache Spark"). Needs the spark module: mvn -B -Pspark -DskipTests package.
#
#   bash bench/spark/run.sh                        10^7 rows × 100 features (~8 GB of Parquet under bench/data/)
#   ROWS=100000 FEATURES=100 bash bench/spark/run.sh   a quick, provisional run
set -u
cd "$(dirname "$0")/../.."
ROWS="${ROWS:-10000000}"
FEATURES="${FEATURES:-100}"
PASSES="${PASSES:-10}"
PARTS="${PARTS:-8}"
HEAP="${HEAP:-$([ "$ROWS" -le 1000000 ] && echo 3g || echo 14g)}"
FILE="bench/data/spark-${ROWS}x${FEATURES}.parquet"
load() { echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%T) UTC"; }

[ -f spark/target/spark.classpath ] && [ -f repl/target/gradus.jar ] || {
  echo "build first: mvn -B -Pspark -DskipTests package && ./gradus --version" >&2; exit 1; }
CP="repl/target/gradus.jar:spark/target/gradus-spark-module.jar:$(cat spark/target/spark.classpath)"
OPENS=(-XX:+IgnoreUnrecognizedVMOptions)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
OPENS+=(-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
run() { java -Xmx"$HEAP" "${OPENS[@]}" -cp "$CP" groovy.ui.GroovyMain bench/spark/passes.groovy "$@"; }

mkdir -p bench/data
[ -d "$FILE" ] || run write "$ROWS" "$FEATURES" "$FILE" || exit 1
load
run memory "$FILE" "$PASSES"
load
run spark "$FILE" "$PASSES" 'local[2]' "$PARTS"
load
run profile "$FILE" "$PASSES" 'local[2]' "$PARTS"
