#!/usr/bin/env python3
"""Compares mova's transliteration with ICU, iuliia and cyrtranslit on the
public test vectors (tests/data/translit/vectors.tsv), as in the README table.

Same rules as tests/translit_vectors.rs: rows marked CONFLICT or MIXED-SCRIPT
are left out, and glyph variants of ë, ĭ and the soft/hard signs compare equal.
A library is run only where it claims the scheme: ICU Russian-Latin/BGN,
Belarusian-Latin/BGN and Cyrillic-Latin (ISO 9-like); every iuliia schema;
cyrtranslit's `ru` (GOST 7.79 B-like) and `by` tables.

usage: pip install iuliia cyrtranslit PyICU-binary
       scripts/compare-translit.py [path/to/mova]
"""
import os, subprocess, sys, unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
mova = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/mova")

# vector scheme, lang, mova id, ICU id, iuliia schema, cyrtranslit lang
ROWS = [
    ("iso9_1995(gost_7_79_2000_A)", "ru", "iso9", "Cyrillic-Latin", "GOST_779", None),
    ("gost_7_79_2000_B", "ru", "gost-b", None, "GOST_779_ALT", "ru"),
    ("bgn_pcgn_1947", "ru", "bgn-pcgn", "Russian-Latin/BGN", "BGN_PCGN", None),
    ("alalc", "ru", "alalc", None, "ALA_LC", None),
    ("icao_9303", "ru", "icao", None, "ICAO_DOC_9303", None),
    ("scientific", "ru", "scholarly", None, "SCIENTIFIC", None),
    ("wikipedia_enwp", "ru", "wikipedia", None, "WIKIPEDIA", None),
    ("ungegn_1987", "ru", "ungegn-1987", None, "UNGEGN_1987", None),
    ("gost_16876_71_table1", "ru", "gost-16876", None, "GOST_16876", None),
    ("mosmetro", "ru", "mosmetro", None, "MOSMETRO", None),
    ("iso9_1995(gost_7_79_2000_A)", "be", "iso9", "Cyrillic-Latin", None, None),
    ("gost_7_79_2000_B", "be", "gost-b", None, None, "by"),
    ("bgn_pcgn_1979", "be", "bgn-pcgn", "Belarusian-Latin/BGN", None, None),
    ("alalc_be", "be", "alalc", None, None, None),
    ("icao_9303_be", "be", "icao", None, None, None),
    ("national_2000", "be", "national-2000", None, None, None),
    ("national_2007", "be", "national-2007", None, None, None),
    ("national_2023", "be", "national-2023", None, None, None),
    ("lacinka", "be", "lacinka", None, None, None),
]

SIGNS = {c: "ʹ" for c in "ʹ’´′'"} | {c: "ʺ" for c in "ʺ”\"ˮ"} | {"ё": "ë", "Ё": "Ë", "ǐ": "ĭ", "Ǐ": "Ĭ"}


def norm(s):
    return unicodedata.normalize("NFC", "".join(SIGNS.get(c, c) for c in unicodedata.normalize("NFC", s)))


def vectors():
    with open(os.path.join(root, "tests/data/translit/vectors.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 5 and "CONFLICT" not in p[4] and "MIXED-SCRIPT" not in p[4]:
                yield p


def rate(fn, rows):
    ok = sum(1 for cyr, want in rows if norm(fn(cyr)) == norm(want))
    return ok, len(rows)


def main():
    import cyrtranslit, icu, iuliia
    data = list(vectors())
    print("| scheme | lang | vectors | mova | ICU %s | iuliia | cyrtranslit |" % icu.ICU_VERSION)
    print("|---|---|---|---|---|---|---|")
    for name, lang, mid, icu_id, iu, cyr in ROWS:
        rows = [(p[2], p[3]) for p in data if p[0] == name and p[1] == lang]
        if not rows:
            continue
        out = subprocess.run([mova, "translit", "-l", lang, "-s", mid], input="\n".join(c for c, _ in rows) + "\n",
                             capture_output=True, text=True, check=True).stdout.split("\n")
        got = dict(zip([c for c, _ in rows], out))
        cells = [rate(lambda c: got[c], rows)]
        cells.append(rate(icu.Transliterator.createInstance(icu_id).transliterate, rows) if icu_id else None)
        cells.append(rate(getattr(iuliia, iu).translate, rows) if iu else None)
        cells.append(rate(lambda c: cyrtranslit.to_latin(c, cyr), rows) if cyr else None)
        fmt = lambda r: "–" if r is None else "%d/%d (%.0f%%)" % (r[0], r[1], 100.0 * r[0] / r[1])
        print("| %s | %s | %d | %s |" % (mid, lang, len(rows), " | ".join(fmt(c) for c in cells)))


main()
