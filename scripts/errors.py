#!/usr/bin/env python3
"""List quotecheck's disagreements with a gold file, grouped by what is wrong.

Usage: scripts/errors.py GOLD.jsonl [--tool target/release/quotecheck] [--only speaker|source|kind|detect|unattributed]

Reads the gold annotations at run time (from ../shared/eval, never copied into the repository)
and prints, for every matched quote where the speaker, source or kind differs, the context, the
gold answer, quotecheck's answer and the rule that produced it. Development aid for the accuracy
work; uses score.py's matching and name comparison.
"""
import argparse, os, sys

from devsets import TOOL, matching, predictions, score


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--tool", default=TOOL)
    ap.add_argument("--only", default=None)
    ap.add_argument("--width", type=int, default=160)
    a = ap.parse_args()
    docs = [d for d in score.load(a.gold) if d.get("quotes") is not None]
    counts = {}
    for d, preds in zip(docs, predictions(docs, a.tool)):
        text = d["text"]
        bmap = score.byte_to_char_map(text)
        canonical = d.get("speaker_level", "canonical") == "canonical"
        for g in d["quotes"]:
            match = matching(text, g, preds)
            problems = []
            if match is None:
                problems.append("detect")
            else:
                if (g["kind"] == "speech") != (match["kind"] == "speech"):
                    problems.append("kind")
                if g["kind"] == "speech":
                    if g["speaker"] is None:
                        if "unattributed" not in match["flags"]:
                            problems.append("unattributed")
                    else:
                        if canonical and not score.names_match(match.get("speaker"), g["speaker"]):
                            problems.append("speaker")
                        gm = g.get("speaker_mention")
                        if not canonical and gm:
                            ms, me = match.get("speaker_mention_start"), match.get("speaker_mention_end")
                            if ms is None or score.overlap((gm["start"], gm["end"]), (bmap[ms], bmap[me])) == 0:
                                problems.append("speaker")
                    if canonical and not score.names_match(match.get("source"), g.get("source")):
                        problems.append("source")
            for pr in problems:
                counts[pr] = counts.get(pr, 0) + 1
            if a.only:
                problems = [p for p in problems if p == a.only]
            if not problems:
                continue
            s, e = g["start"], g["end"]
            ctx = (text[max(0, s - 220):s] + "[[" + text[s:e][:120] + ("…" if e - s > 120 else "") + "]]" + text[e:e + 120]).replace("\n", " ¶ ")
            print(f"--- {d['id']} {','.join(problems)}")
            print("   ", ctx)
            gm = (g.get("speaker_mention") or {}).get("text")
            print(f"    gold: kind={g['kind']} speaker={g['speaker']!r} mention={gm!r} cue={(g.get('cue') or {}).get('text')!r} source={g.get('source')!r} inh={g.get('source_inherited')}")
            if match:
                print(f"    pred: kind={match['kind']} speaker={match.get('speaker')!r} mention={match.get('speaker_mention')!r} cue={match.get('cue')!r} source={match.get('source')!r} inh={match.get('source_inherited')} rule={match['rule']} flags={match['flags']} cands={match.get('candidates')}")
            if g.get("note"):
                print(f"    note: {g['note']}")
    print("counts:", counts, file=sys.stderr)


if __name__ == "__main__":
    main()
