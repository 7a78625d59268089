#!/usr/bin/env python3
"""Does quotecheck's confidence rank its right speakers above its wrong ones?

Usage: scripts/confidence.py GOLD.jsonl... [--tool target/release/quotecheck]

For every gold speech quote with a named speaker that quotecheck matched and attributed, the
speaker is right or wrong (score.py's name comparison); prints, per file, how many of each,
their mean confidence, the AUC (the chance that a right answer has a higher confidence than a
wrong one, ties counting half) and the accuracy in three confidence bands. Reads the gold at
run time from ../shared/eval (nothing is copied into the repository); standard library only.
"""
import argparse, os

from devsets import TOOL, matching, predictions, score

BANDS = [(0.8, 1.01, "≥ 0.8"), (0.5, 0.8, "0.5–0.8"), (0.0, 0.5, "< 0.5")]


def judged(gold, tool):
    """(confidence, right?) of every attributed quote matched with a gold speech quote that has a
    named speaker, in the files with canonical speakers."""
    docs = [d for d in score.load(gold) if d.get("quotes") is not None]
    docs = [d for d in docs if d.get("speaker_level", "canonical") == "canonical"]
    pairs = []
    for d, preds in zip(docs, predictions(docs, tool)):
        for g in d["quotes"]:
            if g["kind"] != "speech" or g.get("speaker") is None:
                continue
            r = matching(d["text"], g, preds)
            if r is not None and r["kind"] == "speech" and r.get("speaker"):
                pairs.append((r["confidence"], score.names_match(r["speaker"], g["speaker"])))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--tool", default=TOOL)
    a = ap.parse_args()
    head = "| dev file | right | wrong | mean conf. right | mean conf. wrong | AUC | " + \
        " | ".join(f"acc. {b[2]} (n)" for b in BANDS) + " |"
    print(head)
    print("|---|" + "---|" * (head.count("|") - 2))
    for gold in a.gold:
        pairs = judged(gold, a.tool)
        right = [c for c, ok in pairs if ok]
        wrong = [c for c, ok in pairs if not ok]
        if not pairs:
            continue
        mean = lambda xs: f"{sum(xs) / len(xs):.2f}" if xs else "–"
        if right and wrong:
            wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
            auc = f"{wins / (len(right) * len(wrong)):.2f}"
        else:
            auc = "–"
        cells = []
        for lo, hi, _ in BANDS:
            band = [ok for c, ok in pairs if lo <= c < hi]
            cells.append(f"{sum(band) / len(band):.2f} ({len(band)})" if band else "– (0)")
        name = os.path.basename(gold)[: -len(".jsonl")]
        print(f"| {name} | {len(right)} | {len(wrong)} | {mean(right)} | {mean(wrong)} | {auc} | "
              + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
