#!/usr/bin/env python3
"""Validate errors.tsv (and the article translations) in tests/data/names/.

Checks: header and 8 columns; unique ids; lang/kind labels (tarask only for be); the entity is
in models/names/gazetteer.tsv or proposals.tsv; the English source mentions one of its English
spellings at word boundaries (for persons the surname of a spelling also counts, as in the
gazetteer's convention); translation != expected and they differ in one contiguous span of at
most 4 words; flores rows: source/expected equal the FLORES dev lines; article rows: source/
expected equal the paragraphs of examples/articles/<stem>.txt and articles/<stem>.<lang>.txt,
which have as many paragraphs as the English; the injected span is Latin for `latin` and
Cyrillic otherwise.  Exit 1 on any failure.
"""
import os, re, sys, glob, collections
from gaz import ROOT, HERE, load_entities, spellings, mentions

KINDS = ['latin', 'other_lang', 'translit_source', 'tarask', 'near_miss', 'wrong_case']
COLS = ['id', 'lang', 'kind', 'entity', 'source', 'translation', 'expected', 'origin']
errors = []

def err(msg):
    errors.append(msg)

def paragraphs(path):
    return open(path, encoding='utf-8').read().strip().split('\n\n')

def main():
    ents = load_entities()
    flores = {l: open(os.path.join(ROOT, f'tests/data/flores/flores-dev.{l}'), encoding='utf-8').read().split('\n')
              for l in ('en', 'ru', 'be')}
    arts = {}
    for f in sorted(glob.glob(os.path.join(ROOT, 'examples/articles/*.txt'))):
        stem = os.path.basename(f)[:-4]
        arts[stem] = {'en': paragraphs(f)}
        for l in ('ru', 'be'):
            p = os.path.join(HERE, 'articles', f'{stem}.{l}.txt')
            if not os.path.exists(p):
                err(f'missing article translation {p}')
                continue
            arts[stem][l] = paragraphs(p)
            if len(arts[stem][l]) != len(arts[stem]['en']):
                err(f'{p}: {len(arts[stem][l])} paragraphs, English has {len(arts[stem]["en"])}')
            for k, para in enumerate(arts[stem][l], 1):
                if para != para.strip() or '\n\n' in para:
                    err(f'{p}: paragraph {k} has stray whitespace')
    lines = open(os.path.join(HERE, 'errors.tsv'), encoding='utf-8').read().split('\n')
    if lines[0].split('\t') != COLS:
        err(f'bad header: {lines[0]!r}')
    ids = set()
    counts = collections.Counter()
    seen_tr = set()
    for n, line in enumerate(lines[1:], 2):
        if not line:
            continue
        c = line.split('\t')
        if len(c) != 8:
            err(f'line {n}: {len(c)} columns')
            continue
        r = dict(zip(COLS, c))
        where = f"line {n} ({r['id']})"
        if r['id'] in ids:
            err(f'{where}: duplicate id')
        ids.add(r['id'])
        if r['lang'] not in ('ru', 'be'):
            err(f'{where}: lang {r["lang"]}')
        if r['kind'] not in KINDS:
            err(f'{where}: kind {r["kind"]}')
        if r['kind'] == 'tarask' and r['lang'] != 'be':
            err(f'{where}: tarask in {r["lang"]}')
        counts[(r['lang'], r['kind'])] += 1
        e = ents.get(r['entity'])
        if e is None:
            err(f'{where}: entity {r["entity"]} not in gazetteer or proposals')
        else:
            sp = spellings(e)
            ok = any(mentions(r['source'], s) for s in sp)
            if not ok and e['kind'] == 'person':
                ok = any(mentions(r['source'], s.split()[-1]) for s in sp)
            if not ok:
                err(f'{where}: source does not mention {r["entity"]} ({sp})')
        # origin
        o = r['origin'].split(':')
        if o[0] == 'flores' and len(o) == 2 and o[1].isdigit():
            i = int(o[1]) - 1
            if r['source'] != flores['en'][i]:
                err(f'{where}: source != flores-dev.en line {o[1]}')
            if r['expected'] != flores[r['lang']][i]:
                err(f'{where}: expected != flores-dev.{r["lang"]} line {o[1]}')
        elif o[0] == 'article' and len(o) == 3 and o[1] in arts and o[2].isdigit():
            i = int(o[2]) - 1
            a = arts[o[1]]
            if i >= len(a['en']) or r['source'] != a['en'][i]:
                err(f'{where}: source != paragraph {o[2]} of {o[1]}')
            if r['lang'] not in a or i >= len(a[r['lang']]) or r['expected'] != a[r['lang']][i]:
                err(f'{where}: expected != paragraph {o[2]} of {o[1]}.{r["lang"]}.txt')
        else:
            err(f'{where}: bad origin {r["origin"]}')
        # the diff: one contiguous span of words
        t, x = r['translation'].split(' '), r['expected'].split(' ')
        if r['translation'] == r['expected']:
            err(f'{where}: translation == expected')
            continue
        p = 0
        while p < min(len(t), len(x)) and t[p] == x[p]:
            p += 1
        s = 0
        while s < min(len(t), len(x)) - p and t[-1 - s] == x[-1 - s]:
            s += 1
        bad, good = t[p:len(t) - s], x[p:len(x) - s]
        if len(bad) > 4 or len(good) > 4 or not bad or not good:
            err(f'{where}: diff is not one short span: {bad} vs {good}')
        span = ' '.join(bad)
        latin = re.search('[A-Za-z]', span) is not None
        if r['kind'] == 'latin' and not latin:
            err(f'{where}: latin error without Latin letters: {span}')
        if r['kind'] != 'latin' and latin:
            err(f'{where}: Latin letters in a {r["kind"]} error: {span}')
        if (r['lang'], r['translation']) in seen_tr:
            err(f'{where}: duplicate translation')
        seen_tr.add((r['lang'], r['translation']))
    for e_ in errors:
        print('FAIL', e_)
    total = sum(counts.values())
    print(f'{total} rows; ' + ', '.join(f'{l}/{k}: {counts[(l, k)]}' for l in ('ru', 'be') for k in KINDS if counts[(l, k)]))
    per_lang = collections.Counter(l for l, k in counts.elements())
    per_kind = collections.Counter(k for l, k in counts.elements())
    if total < 300 or min(per_lang['ru'], per_lang['be']) < 120 or min(per_kind[k] for k in KINDS) < 25:
        print('FAIL size: need >=300 rows, >=120 per language, >=25 per kind')
        errors.append('size')
    print('OK' if not errors else f'{len(errors)} problems')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
