#!/usr/bin/env python3
"""Article-like test corpora for scripts/bench.sh, made from the fixture articles.

Every article is the six fixture articles of one language (fixtures/fr or fixtures/en) in a
random order, each digit replaced by a random digit, so no two files are the same text: about
10 KB, a long news feature. Nothing comes from any other text.

  gen_corpus.py dir   OUT --mb 100                  # OUT/NNN/article-NNNNN.txt, ~10,000 files
  gen_corpus.py text  OUT --mb 100                  # one plain-text file, one paragraph a line
  gen_corpus.py jsonl OUT --mb 100                  # one JSON Lines archive, one article a line
  gen_corpus.py shape NAME OUT --mb 50              # a pathological input, see SHAPES

Deterministic: the same arguments give the same bytes.
"""

import argparse
import json
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def fixtures(lang):
    d = os.path.join(ROOT, "fixtures", lang)
    return [open(os.path.join(d, f), encoding="utf-8").read().strip() for f in sorted(os.listdir(d))]


FIXTURES = {"fr": fixtures("fr"), "en": fixtures("en")}


def vary(text, rng):
    return "".join(rng.choice("0123456789") if c.isdigit() else c for c in text)


def article(rng, lang=None):
    lang = lang or rng.choice(["fr", "en"])
    parts = FIXTURES[lang][:]
    rng.shuffle(parts)
    return "\n\n".join(vary(p, rng) for p in parts) + "\n"


def gen_dir(out, mb):
    """One article a file (about 10 KB), 100 files a subdirectory, until `mb` megabytes."""
    rng = random.Random(6)
    total, i = 0, 0
    while total < mb * 1_000_000:
        text = article(rng)
        sub = os.path.join(out, f"{i // 100:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
        i += 1
    return total


def gen_stream(out, mb, as_jsonl):
    rng = random.Random(6)
    total, i = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while total < mb * 1_000_000:
            a = article(rng)
            line = json.dumps({"id": f"article-{i:06d}", "text": a}, ensure_ascii=False) if as_jsonl else a
            f.write(line + "\n")
            total += len(line.encode()) + 1
            i += 1
    return total


def balanced(text):
    """The paragraphs of `text` whose quotation marks all close (some fixtures leave one open on
    purpose; in one huge paragraph it would swallow everything after it)."""
    ok = lambda p: p.count("«") == p.count("»") and p.count("“") == p.count("”") and p.count('"') % 2 == 0
    return "\n".join(p for p in text.split("\n") if ok(p))


# Pathological inputs named in issue #6; each repeats a unit up to the size asked.
SHAPES = {
    # 50 MB without a line break: articles joined by spaces (one paragraph for the engine),
    # their quotation marks balanced.
    "noline": lambda rng: balanced(article(rng)).replace("\n", " ") + " ",
    # One paragraph of wrapped lines (Markdown: no blank line, so it never ends).
    "paragraph": lambda rng: "\n".join(
        " ".join(w) for w in chunks(balanced(article(rng)).replace("\n", " ").split(" "), 12)
    )
    + "\n",
    # A million quotation marks: short balanced quotes, one paragraph a line.
    "marks": lambda rng: "".join(f"Il a dit « {w} ». She said \"{w}.\"\n" for w in ["oui", "non", "peut-être", "yes"]),
    # 100,000 unbalanced marks: opening guillemets that never close, in ordinary lines.
    "unbalanced": lambda rng: "".join(
        f"Le maire a déclaré : « Nous reconstruirons le pont {n}.\n" for n in range(10)
    ),
    # A name repeated 100,000 times: one entity chain with 100,000 links.
    "names": lambda rng: "Le ministre Jean Dupont a déclaré : « Nous tiendrons ». Jean Dupont a ajouté : « Promis ». Dupont a conclu : « Merci ».\n",
    # Many quotes in one paragraph: prose and a quote, never a line break.
    "quoteline": lambda rng: "Le conseil municipal se réunira mardi prochain pour voter le budget. "
    + "Le pont est fermé depuis lundi, « jusqu’à nouvel ordre », selon la mairie. ",
}


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def gen_shape(name, out, mb):
    rng = random.Random(6)
    make = SHAPES[name]
    total = 0
    with open(out, "w", encoding="utf-8") as f:
        while total < mb * 1_000_000:
            unit = make(rng)
            n = len(unit.encode())
            if total + n > mb * 1_000_000 and total > 0:
                break
            f.write(unit)
            total += n
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["dir", "text", "jsonl", "shape"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--mb", type=float, default=100)
    a = ap.parse_args()
    if a.kind == "dir":
        n = gen_dir(a.args[0], a.mb)
    elif a.kind in ("text", "jsonl"):
        n = gen_stream(a.args[0], a.mb, a.kind == "jsonl")
    else:
        n = gen_shape(a.args[0], a.args[1], a.mb)
    print(n)


if __name__ == "__main__":
    sys.exit(main())
