#!/bin/bash
# Gradient passes per second of the mean logistic loss on a Parquet table: the in-process kernel against
# Spark local[2] on the same rows, and Spark's per-pass overhead measured separately (docs/benchmarks.md,
# "Data on Apache Spark"). Needs the spark module: mvn -B -Pspark -DskipTests package.
#
#   bash bench/spark/run.sh                            10^7 rows × 100 features: the issue's table (see below)
#   ROWS=100000 FEATURES=100 bash bench/spark/run.sh   a quick, provisional run (seconds to write, ~2 min in all)
#
# Steps: write the table once with Spark (bench/data/spark-ROWSxFEATURES.parquet), the in-process kernel in a
# JVM of its own, Spark local[2] in another (rows cached; PARTS=auto keeps the partitions Spark read, moving only
# the rows of chunks that straddle two), then the parameters in each task against broadcast every pass
# (gradus.spark.parameters), then where a pass's time goes (PROFILE=1; on by default up to 10^6 rows).
#
# At 10^7 × 100 (docs/spark.md, "The 10^7-row benchmark"): ~7.6 GB of Parquet on disk (written once, kept), the
# in-process JVM -Xmx11g (the table is one 8 GB array), the Spark JVM -Xmx13g with spark.memory.fraction 0.75
# (8 GB of cached blocks), one after the other: ~13 GB of the machine's memory at the peak; plan ~30 min quiet.
set -u
cd "$(dirname "$0")/../.."
ROWS="${ROWS:-10000000}"
FEATURES="${FEATURES:-100}"
PASSES="${PASSES:-10}"
PARTS="${PARTS:-auto}"
BIG=$([ "$ROWS" -gt 1000000 ] && echo 1 || echo 0)
MEMORY_HEAP="${MEMORY_HEAP:-$([ $BIG = 1 ] && echo 11g || echo 3g)}"
SPARK_HEAP="${SPARK_HEAP:-$([ $BIG = 1 ] && echo 13g || echo 3g)}"
PROFILE="${PROFILE:-$([ $BIG = 1 ] && echo 0 || echo 1)}"
FILE="bench/data/spark-${ROWS}x${FEATURES}.parquet"
load() { echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%T) UTC"; }

# the module's jar must be of the same sources as gradus.jar (NO_BUILD=1 skips this when both are fresh)
[ "${NO_BUILD:-0}" = 1 ] || mvn -B -q -o -Pspark -pl spark -am package -DskipTests \
  || mvn -B -q -Pspark -pl spark -am package -DskipTests || exit 1
[ -f spark/target/spark.classpath ] && [ -f repl/target/gradus.jar ] || {
  echo "build first: mvn -B -Pspark -DskipTests package && ./gradus --version" >&2; exit 1; }
CP="repl/target/gradus.jar:spark/target/gradus-spark-module.jar:$(cat spark/target/spark.classpath)"
OPENS=(-XX:+IgnoreUnrecognizedVMOptions)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
OPENS+=(-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
HEAP=3g
run() { java -Xmx"$HEAP" "${OPENS[@]}" ${JOPTS:-} -cp "$CP" groovy.ui.GroovyMain bench/spark/passes.groovy "$@"; }

mkdir -p bench/data
if [ ! -d "$FILE" ]; then
  start=$(date +%s)
  run write "$ROWS" "$FEATURES" "$FILE" || { rm -rf "$FILE"; exit 1; }
  echo "# wrote the table in $(( $(date +%s) - start )) s"
fi
echo "# table: $(du -sh "$FILE" | cut -f1) on disk"
load
HEAP=$MEMORY_HEAP run memory "$FILE" "$PASSES"
load
HEAP=$SPARK_HEAP JOPTS="-Dspark.memory.fraction=0.75" run spark "$FILE" "$PASSES" 'local[2]' "$PARTS"
if [ $BIG = 0 ]; then
  load
  echo "# the parameters in each task's closure against a broadcast every pass (MLlib's way), alternated in one JVM"
  HEAP=$SPARK_HEAP java -Xmx"$HEAP" "${OPENS[@]}" -cp "$CP" groovy.ui.GroovyMain bench/spark/parameters.groovy "$FILE" 'local[2]' 8 "${ROUNDS:-6}" "$PASSES"
  HEAP=$SPARK_HEAP java -Xmx"$HEAP" "${OPENS[@]}" -cp "$CP" groovy.ui.GroovyMain bench/spark/parameters.groovy "$FILE.overhead" 'local[2]' 8 "${ROUNDS:-6}" "$PASSES"
fi
if [ "$PROFILE" = 1 ]; then
  load
  HEAP=$SPARK_HEAP JOPTS="-Dspark.memory.fraction=0.75" run profile "$FILE" "$PASSES" 'local[2]' "$PARTS"
fi
