#!/usr/bin/env python3
"""Builds dyad's list of strongly negative evaluative words from the VADER sentiment lexicon.

    pip download vaderSentiment==3.3.2 --no-deps -d /tmp/vader
    (cd /tmp/vader && unzip -o vaderSentiment-3.3.2-py2.py3-none-any.whl)
    python3 scripts/build-negative-words.py /tmp/vader/vaderSentiment/vader_lexicon.txt

Source: VADER (Hutto & Gilbert 2014), `vader_lexicon.txt` of the PyPI package vaderSentiment 3.3.2,
MIT licence. Each line of that file is a token, its mean valence (-4 .. +4) as rated by ten people,
the standard deviation and the ten ratings. Only facts are carried over: the word and its mean
valence.

Kept: lower-case alphabetic words (VADER's emoticons are dropped; its slang acronyms such as "wtf"
are alphabetic and kept, harmlessly, as the coder only looks words up) with a mean valence of -2.0
or below ("strongly negative": the threshold was chosen before looking at any event, to keep the
list to what the raters agreed is clearly bad).

Writes `data/patterns/evaluative/negative.tsv`. The coder uses it for one thing: a statement whose
reported clause says something strongly negative about an actor's conduct ("X said Y is a terror
group") is an accusation by the speaker (see docs/coder.md, "Accusations by statement").
"""

import argparse
import pathlib
import re

THRESHOLD = -2.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("lexicon", help="vader_lexicon.txt")
    ap.add_argument(
        "--out",
        default=str(pathlib.Path(__file__).resolve().parent.parent / "data/patterns/evaluative/negative.tsv"),
    )
    args = ap.parse_args()
    rows = []
    for line in open(args.lexicon, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        word, valence = parts[0], float(parts[1])
        if re.fullmatch(r"[a-z]+", word) and valence <= THRESHOLD:
            rows.append((word, valence))
    rows.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Strongly negative evaluative words (mean valence <= -2.0 of -4..+4), for accusations by\n")
        out.write("# statement (docs/coder.md). Source: VADER sentiment lexicon (Hutto & Gilbert 2014),\n")
        out.write("# vaderSentiment 3.3.2 on PyPI, MIT licence. Built by scripts/build-negative-words.py.\n")
        out.write("# word\tvalence\n")
        for word, valence in rows:
            out.write(f"{word}\t{valence}\n")
    print(f"{len(rows)} words -> {args.out}")


if __name__ == "__main__":
    main()
