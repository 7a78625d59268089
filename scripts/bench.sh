#!/usr/bin/env bash
# Whole-corpus benchmark of the release binary (issue #6): throughput in MB/s and files/s and
# peak memory on a corpus of article-like text made from the fixtures, as a directory of ~10,000
# files, as one JSON Lines archive and as one plain-text file; then the pathological inputs, each
# at growing sizes until one step takes too long. Results go to docs/performance.md by hand.
#
#   scripts/bench.sh [WORKDIR]          # default WORKDIR: /tmp/quotecheck-bench
#
# Environment:
#   QC_MB=100        size of the corpus in MB
#   QC_TIMEOUT=120   seconds before a run is stopped and reported as not finished
#   QC_STEP=20       a pathological input stops growing once a step takes this many seconds
#   QC_REPEAT=3      corpus runs are repeated and the fastest kept (other processes add noise)
#   QC_ONE=1         0 skips the whole corpus as one plain-text file and the growing document
#   QC_SHAPES=1      0 skips the pathological inputs
#   QC_BIG=0         1 also checks a 1 GB directory on 2 threads for peak memory
#   QC_LONG_LINE=1   0 skips the 200 MB single line
#
# Needs python3 and GNU time (/usr/bin/time; `apt-get install time`). Other processes on the
# machine skew wall times: the script prints the load average with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${1:-/tmp/quotecheck-bench}
QC_MB=${QC_MB:-100}
QC_TIMEOUT=${QC_TIMEOUT:-120}
QC_STEP=${QC_STEP:-20}
QC_SHAPES=${QC_SHAPES:-1}
QC_REPEAT=${QC_REPEAT:-3}
QC_ONE=${QC_ONE:-1}
QC_BIG=${QC_BIG:-0}
QC_LONG_LINE=${QC_LONG_LINE:-1}
GEN="python3 $ROOT/scripts/gen_corpus.py"
BIN=$ROOT/target/release/quotecheck

if [[ ! -x /usr/bin/time ]]; then
    echo "bench.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi
cargo build --release --quiet
mkdir -p "$WORK"

echo "## Machine"
echo
echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- memory: $(free -g | awk '/Mem:/ {print $2}') GiB; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(rustc --version); quotecheck $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
echo

# Generate once; a marker file records what was generated.
gen() { # gen KIND PATH MB [SHAPE]
    local kind=$1 path=$2 mb=$3 shape=${4:-}
    local marker="$path.done-$mb"
    if [[ ! -e $marker ]]; then
        rm -rf "$path" "$path".done-*
        if [[ $kind == shape ]]; then
            $GEN shape "$shape" "$path" --mb "$mb" >"$marker"
        else
            $GEN "$kind" "$path" --mb "$mb" >"$marker"
        fi
    fi
    cat "$marker"
}

# run NAME BYTES FILES ARGS...: one row of the table; sets $WALL and $STATUS.
run() {
    local name=$1 bytes=$2 files=$3
    shift 3
    local t
    t=$(mktemp)
    local rc=0
    timeout "$QC_TIMEOUT" /usr/bin/time -f '%e %U %S %M' -o "$t" \
        "$BIN" check --no-fail "$@" >/dev/null 2>"$t.err" || rc=$?
    if [[ $rc == 124 ]]; then
        STATUS="not finished in ${QC_TIMEOUT} s"
        WALL=$QC_TIMEOUT
        printf '| %s | %.1f | %s | > %s | | < %.2f | | | %s |\n' "$name" \
            "$(echo "$bytes/1000000" | bc -l)" "$files" "$QC_TIMEOUT" \
            "$(echo "$bytes/1000000/$QC_TIMEOUT" | bc -l)" "$STATUS"
    else
        read -r wall user sys rss <"$(tail -n1 "$t" >"$t.last"; echo "$t.last")"
        WALL=$wall
        STATUS=ok
        [[ $rc == 0 ]] || STATUS="exit $rc: $(head -c 200 "$t.err" | tr '\n' ' ')"
        local w=$wall
        [[ $(echo "$w < 0.01" | bc -l) == 1 ]] && w=0.01
        printf '| %s | %.1f | %s | %.2f | %.2f | %.2f | %s | %.0f | %s |\n' "$name" \
            "$(echo "$bytes/1000000" | bc -l)" "$files" "$wall" "$(echo "$user+$sys" | bc -l)" \
            "$(echo "$bytes/1000000/$w" | bc -l)" \
            "$([[ $files == 1 ]] && echo "" || printf '%.0f' "$(echo "$files/$w" | bc -l)")" \
            "$(echo "$rss/1024" | bc -l)" "$STATUS"
    fi
    rm -f "$t" "$t.err" "$t.last"
}

# best N NAME BYTES FILES ARGS...: `run` N times, the row of the fastest.
best() {
    local n=$1 rows=() walls=() i
    shift
    for ((i = 0; i < n; i++)); do
        rows+=("$(run "$@")")
        walls+=("$(echo "${rows[-1]}" | cut -d'|' -f5 | tr -d ' >')")
    done
    local k=0
    for ((i = 1; i < n; i++)); do
        [[ $(echo "${walls[i]} < ${walls[k]}" | bc -l) == 1 ]] && k=$i
    done
    echo "${rows[k]}"
    WALL=${walls[k]}
}

header() {
    echo "| run | MB | files | wall s | CPU s | MB/s | files/s | peak RSS MB | status |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
}

echo "## Corpus of ${QC_MB} MB"
echo
dir_bytes=$(gen dir "$WORK/dir" "$QC_MB")
dir_files=$(find "$WORK/dir" -type f -name '*.txt' | wc -l)
jsonl_bytes=$(gen jsonl "$WORK/archive.jsonl" "$QC_MB")
jsonl_docs=$(wc -l <"$WORK/archive.jsonl")
text_bytes=$(gen text "$WORK/all.txt" "$QC_MB")
header
best "$QC_REPEAT" "directory, -j1" "$dir_bytes" "$dir_files" -j1 "$WORK/dir"
one=$WALL
best "$QC_REPEAT" "directory, -j2" "$dir_bytes" "$dir_files" -j2 "$WORK/dir"
two=$WALL
best "$QC_REPEAT" "JSON Lines archive, -j1" "$jsonl_bytes" "$jsonl_docs" -j1 "$WORK/archive.jsonl"
jone=$WALL
best "$QC_REPEAT" "JSON Lines archive, -j2" "$jsonl_bytes" "$jsonl_docs" -j2 "$WORK/archive.jsonl"
jtwo=$WALL
[[ $QC_ONE == 1 ]] && run "one plain-text file" "$text_bytes" 1 "$WORK/all.txt"
echo
echo "Speed-up on 2 threads (fastest of $QC_REPEAT): directory $(printf '%.2f' "$(echo "$one/$two" | bc -l)")x, JSON Lines $(printf '%.2f' "$(echo "$jone/$jtwo" | bc -l)")x"
echo

if [[ $QC_ONE == 1 ]]; then
    # One file of growing size: how the engine scales with the length of a document.
    echo "## One document of growing size"
    echo
    header
    for mb in 0.25 0.5 1 2 4 8; do
        bytes=$(gen text "$WORK/one-$mb.txt" "$mb")
        run "plain text, $mb MB" "$bytes" 1 "$WORK/one-$mb.txt"
        [[ $STATUS == ok && $(echo "$WALL < $QC_STEP" | bc -l) == 1 ]] || break
    done
    echo
fi

if [[ $QC_SHAPES == 1 ]]; then
    echo "## Pathological inputs"
    echo
    echo "Each grows (x4) until its target size or until one step takes ${QC_STEP} s or more."
    echo
    header
    # shape, extension, target MB (the size the issue names).
    for spec in noline:txt:50 paragraph:md:50 marks:txt:9 unbalanced:txt:5.6 names:txt:3.8 quoteline:txt:50; do
        IFS=: read -r shape ext target <<<"$spec"
        for mb in $(awk -v t="$target" 'BEGIN { for (m = 0.05; m < t; m *= 4) print m; print t }'); do
            path="$WORK/shape-$shape-$mb.$ext"
            bytes=$(gen shape "$path" "$mb" "$shape")
            run "$shape, $mb MB" "$bytes" 1 "$path"
            [[ $STATUS == ok && $(echo "$WALL < $QC_STEP" | bc -l) == 1 ]] || break
        done
    done
    echo
fi

if [[ $QC_LONG_LINE == 1 ]]; then
    echo "## 200 MB on a single line"
    echo
    header
    bytes=$(gen shape "$WORK/line200.txt" 200 noline)
    run "200 MB, no line break" "$bytes" 1 "$WORK/line200.txt"
    echo
fi

if [[ $QC_BIG == 1 ]]; then
    echo "## 1 GB directory (memory)"
    echo
    header
    big_bytes=$(gen dir "$WORK/big" 1000)
    big_files=$(find "$WORK/big" -type f -name '*.txt' | wc -l)
    QC_TIMEOUT=$((QC_TIMEOUT * 20)) run "1 GB directory, -j2" "$big_bytes" "$big_files" -j2 "$WORK/big"
    echo
fi
