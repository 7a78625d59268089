"""Running quotecheck on a gold file of ../shared/eval and pairing its quotes with the gold ones,
as score.py does: shared by scripts/errors.py and scripts/confidence.py.

The gold texts are written to a temporary directory for the run, never into the repository.
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402,F401  (re-exported for the scripts)

TOOL = os.path.join(HERE, "..", "target", "release", "quotecheck")


def predictions(docs, tool):
    """quotecheck's JSON rows for each of `docs`, with `s` and `e` as character offsets."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, d in enumerate(docs):
            path = os.path.join(tmp, f"{n:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(d["text"])
            files.append(path)
        if not files:
            return []
        out = subprocess.run([tool, "check", "--format", "json", "--no-fail", *files],
                             capture_output=True, text=True)
    rows = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        rows.setdefault(os.path.basename(r["file"]), []).append(r)
    per_doc = []
    for n, d in enumerate(docs):
        bmap = score.byte_to_char_map(d["text"])
        preds = rows.get(f"{n:05d}.txt", [])
        for r in preds:
            r["s"], r["e"] = bmap[r["byte_start"]], bmap[r["byte_end"]]
        per_doc.append(preds)
    return per_doc


def matching(text, g, preds):
    """The predicted quote score.py pairs with gold quote `g` (same core, or half overlap)."""
    gs = score.core(text, g["start"], g["end"])
    for r in preds:
        ps = score.core(text, r["s"], r["e"])
        if ps == gs or score.overlap(gs, ps) * 2 >= max(gs[1] - gs[0], ps[1] - ps[0], 1):
            return r
    return None
