#!/usr/bin/env bash
# Score quotecheck on every development file of ../shared/eval/dev and print one table.
#
#   scripts/eval.sh            build in release mode, score, print a Markdown table
#   scripts/eval.sh --doc      also rewrite docs/accuracy.md with the table, the date and commit
#
# The gold files are read where they are (../shared, outside the repository); nothing from them
# is copied. Needs python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/eval
if [ ! -f "$shared/score.py" ]; then
  echo "eval: $shared/score.py not found (the development sets live outside the repository)" >&2
  exit 2
fi
cargo build --release --quiet
bin=target/release/quotecheck
table=$(python3 - "$shared" "$bin" <<'PY'
import json, subprocess, sys, glob, os
shared, binary = sys.argv[1], sys.argv[2]
cols = [("detect_exact_f1", "detect F1"), ("detect_exact_r", "detect R"), ("speech_kind_acc", "speech/kind"),
        ("speaker_acc", "speaker"), ("speaker_n", "n"), ("mention_acc", "mention"),
        ("source_acc", "source"), ("source_recall", "source R"),
        ("unattributed_p", "unattr. P"), ("unattributed_r", "unattr. R")]
print("| dev file | " + " | ".join(c[1] for c in cols) + " |")
print("|---|" + "---|" * len(cols))
for path in sorted(glob.glob(os.path.join(shared, "dev", "*.jsonl"))):
    out = subprocess.run([sys.executable, os.path.join(shared, "score.py"), path, "--tool", binary, "--json"],
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    cells = []
    for key, _ in cols:
        v = r.get(key)
        if isinstance(v, float):
            cells.append("–" if v != v else f"{v:.3f}")
        else:
            cells.append(str(v))
    print(f"| {os.path.basename(path)[:-6]} | " + " | ".join(cells) + " |")
PY
)
echo "$table"
# Whether the confidence ranks the right speakers above the wrong ones.
conf=$(python3 scripts/confidence.py "$shared"/dev/*.jsonl --tool "$bin")
echo
echo "$conf"
if [ "${1:-}" = "--doc" ]; then
  commit=$(git rev-parse --short HEAD)
  dirty=$(git status --porcelain --untracked-files=no -- . ':!docs/accuracy.md' | grep -q . && echo " (with uncommitted changes)" || true)
  {
    echo "# Accuracy on the development sets"
    echo
    echo "Measured with \`scripts/eval.sh --doc\` (release build, \`../shared/eval/score.py\` on every file of"
    echo "\`../shared/eval/dev\`) on $(date -u +%Y-%m-%d) at commit \`$commit\`$dirty."
    echo "Metrics are score.py's: detection F1 and recall on exact spans (marks and spaces stripped),"
    echo "speech-vs-not accuracy on matched quotes, speaker accuracy on matched speech quotes with a gold"
    echo "speaker (canonical names; mention overlap for polnear), source accuracy (both empty counts as"
    echo "right) and recall, and precision/recall of the \`unattributed\` flag."
    echo
    echo "$table"
    echo
    echo "## Confidence"
    echo
    echo "Matched speech quotes with a gold speaker to which quotecheck gave a speaker, right or wrong"
    echo "(\`scripts/confidence.py\`): how many, their mean confidence, the AUC (the chance that a right"
    echo "answer has the higher confidence of a right/wrong pair; 0.5 is no better than chance) and the"
    echo "share of right answers by confidence band. Files with canonical speakers only (not polnear)."
    echo
    echo "$conf"
    echo
    if [ -f docs/accuracy-notes.md ]; then cat docs/accuracy-notes.md; fi
  } > docs/accuracy.md
  echo "wrote docs/accuracy.md" >&2
fi
