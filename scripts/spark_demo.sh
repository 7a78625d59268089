#!/usr/bin/env bash
# quotecheck inside Apache Spark (issue #6): a JSON Lines archive of articles is piped through
# the release binary with RDD.pipe in local mode, and the merged findings must be the same set
# of lines as one process's. Not part of CI: it installs pyspark from PyPI (~450 MB) into a
# virtual environment and needs Java 17 or later.
#
#   scripts/spark_demo.sh [WORKDIR]     # default WORKDIR: /tmp/quotecheck-spark
#
# Environment: QC_MB=20 (archive size), QC_MASTER=local[2], QC_PARTITIONS=8.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${1:-/tmp/quotecheck-spark}
QC_MB=${QC_MB:-20}
QC_MASTER=${QC_MASTER:-local[2]}
QC_PARTITIONS=${QC_PARTITIONS:-8}
mkdir -p "$WORK"

command -v java >/dev/null || { echo "spark_demo.sh: needs java (17 or later)" >&2; exit 2; }
if [[ ! -x $WORK/venv/bin/python ]]; then
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --quiet pyspark
fi
cargo build --release --quiet
BIN=$ROOT/target/release/quotecheck

echo "pyspark $("$WORK/venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -n1)"
if [[ ! -e $WORK/archive.jsonl.done-$QC_MB ]]; then
    rm -f "$WORK"/archive.jsonl*
    python3 scripts/gen_corpus.py jsonl "$WORK/archive.jsonl" --mb "$QC_MB" >"$WORK/archive.jsonl.done-$QC_MB"
fi
echo "archive: $(wc -l <"$WORK/archive.jsonl") articles, $(du -h "$WORK/archive.jsonl" | cut -f1)"

start=$(date +%s.%N)
"$BIN" check --input-format jsonl --format json --no-fail "$WORK/archive.jsonl" >"$WORK/single.jsonl"
single=$(echo "$(date +%s.%N) - $start" | bc)
printf 'one process: %s findings in %.1f s\n' "$(wc -l <"$WORK/single.jsonl")" "$single"

start=$(date +%s.%N)
"$WORK/venv/bin/python" scripts/spark_pipe.py "$WORK/archive.jsonl" "$WORK/spark.jsonl" \
    --bin "$BIN" --master "$QC_MASTER" --partitions "$QC_PARTITIONS" 2> "$WORK/spark.log"
whole=$(echo "$(date +%s.%N) - $start" | bc)
printf 'spark (%s, with JVM start-up): %.1f s\n' "$QC_MASTER" "$whole"

if cmp -s <(LC_ALL=C sort "$WORK/single.jsonl") <(LC_ALL=C sort "$WORK/spark.jsonl"); then
    echo "same findings: $(wc -l <"$WORK/spark.jsonl") lines, sorted, byte for byte"
else
    echo "DIFFERENT findings:" >&2
    diff <(LC_ALL=C sort "$WORK/single.jsonl") <(LC_ALL=C sort "$WORK/spark.jsonl") | head -20 >&2
    exit 1
fi
