"""flores_forms.tsv: for every FLORES dev line whose English mentions a gazetteer (or proposed)
entity, the word(s) the ru/be human reference uses for it when they are not the gazetteer's first
form (in some case). Verdicts for forms not covered by paradigms.py come from VERDICT below,
written after reading each line."""
import os, re
from gaz import *
import paradigms as PD
from paradigms import E, CASES
import make_errors as ME

gaz_ents = {r['id']: r for r in load_tsv(os.path.join(ROOT, 'models/names/gazetteer.tsv'))}
ents = load_entities()
# the gazetteer's CURRENT first form, where it is not paradigms.py's first variant
GAZ_FIRST = {
    ('pl_united_states', 'ru'): PD.P('Соединённые штаты, Соединённых штатов, Соединённым штатам, '
                                     'Соединённые штаты, Соединёнными штатами, Соединённых штатах'),
    ('pl_united_states', 'be'): PD.P('Злучаныя Штаты, Злучаных Штатаў, Злучаным Штатам, Злучаныя Штаты, '
                                     'Злучанымі Штатамі, Злучаных Штатах'),
    ('pl_russia', 'ru'): PD.P('Российская Федерация, Российской Федерации, Российской Федерации, '
                              'Российскую Федерацию, Российской Федерацией, Российской Федерации'),
    ('pl_russia', 'be'): PD.P('Расійская Федэрацыя, Расійскай Федэрацыі, Расійскай Федэрацыі, '
                              'Расійскую Федэрацыю, Расійскай Федэрацыяй, Расійскай Федэрацыі'),
    ('pl_vilnius', 'be'): PD.P('Вільня Вільні Вільні Вільню Вільняй Вільні'),
    ('pl_belarus', 'ru'): PD.P('Белоруссия Белоруссии Белоруссии Белоруссию Белоруссией Белоруссии'),
    ('pl_washington', 'ru'): PD.P('Вашингтон Вашингтона Вашингтону Вашингтон Вашингтоном Вашингтоне'),
    ('pl_washington', 'be'): PD.P('Вашынгтон Вашынгтона Вашынгтону Вашынгтон Вашынгтонам Вашынгтоне'),
}
# verdicts for variants of paradigms.py (entity, lang, variant index)
VARIANT_VERDICT = {
    ('pl_united_states', 'ru', 0): 'accepted variant: США is the usual news form (proposed first form)',
    ('pl_united_states', 'ru', 1): 'accepted variant: full name, capital Ш (the gazetteer form has lower-case штаты, a typo)',
    ('pl_united_states', 'ru', 2): 'accepted variant: full official name, written with е for ё',
    ('pl_united_states', 'be', 0): 'accepted variant: ЗША is the usual news form (proposed first form)',
    ('pl_united_states', 'be', 3): 'orthographic slip in the reference (lower-case штаты); the post-edit must leave it (lower-case word)',
    ('pl_russia', 'ru', 0): 'accepted variant: Россия is the standard translation of Russia (proposed first form; Российская Федерация = Russian Federation)',
    ('pl_russia', 'be', 0): 'accepted variant: Расія is the standard translation of Russia (proposed first form)',
    ('pl_vilnius', 'be', 0): 'accepted variant: Вільнюс is the official Belarusian form (proposed first form; gazetteer Вільня is historical)',
    ('org_european_union', 'ru', 1): 'accepted variant: full name Европейский Союз (capital С also common)',
    ('org_european_union', 'be', 1): 'accepted variant: full name with capital С (Еўрапейскі Саюз)',
    ('pl_united_kingdom', 'be', 1): 'accepted variant: Злучанае Каралеўства (full name)',
}
# (line, lang, entity): (reference words, verdict) for lines where no paradigm form is found
VERDICT = {}
for line in open(os.path.join(HERE, 'flores_forms_manual.tsv'), encoding='utf-8') if os.path.exists(os.path.join(HERE, 'flores_forms_manual.tsv')) else []:
    p = line.rstrip('\n').split('\t')
    if len(p) == 5 and not line.startswith('#'):
        VERDICT[(int(p[0]), p[1], p[2])] = (p[3], p[4])

def find(forms, text):
    out = []
    for f in set(forms):
        for m in re.finditer(r'(?<![\w’\'\-])' + re.escape(f) + r'(?![\w’\'\-])', text):
            out.append(m.group(0))
    return out

def main():
    en = open(os.path.join(ROOT, 'tests/data/flores/flores-dev.en'), encoding='utf-8').read().split('\n')
    ref = {l: open(os.path.join(ROOT, f'tests/data/flores/flores-dev.{l}'), encoding='utf-8').read().split('\n') for l in ('ru', 'be')}
    rows, todo = [], []
    for i, s in enumerate(en, 1):
        for eid, e in ents.items():
            m = None
            for sp in spellings(e):
                if mentions(s, sp):
                    m = sp
                    break
            if m is None:
                continue
            in_gaz = eid in gaz_ents
            for lang in ('ru', 'be'):
                text = ref[lang][i - 1]
                # the gazetteer's first form as the file says now (it is being edited)
                gfirst = (gaz_ents[eid][lang].split('|')[0].strip() if in_gaz else None)
                first_forms = None
                if eid in E:
                    mine = ME.forms_of(eid, lang, 0, 'full' if E[eid]['type'] == 'person' else 'place')
                    if gfirst is None or mine[0] == gfirst or E[eid]['type'] == 'person':
                        first_forms = mine
                if first_forms is None and GAZ_FIRST.get((eid, lang)) and GAZ_FIRST[(eid, lang)][0] == gfirst:
                    first_forms = GAZ_FIRST[(eid, lang)]
                if first_forms is None and eid in E:
                    first_forms = mine
                if first_forms is None:
                    continue
                gform = first_forms[0] if in_gaz else first_forms[0] + ' (proposed)'
                if find(first_forms, text):
                    continue  # the gazetteer's first form, in some case
                found = []
                if eid in E:
                    for vi in range(len(E[eid][lang])):
                        fs = ME.forms_of(eid, lang, vi, 'place' if E[eid]['type'] == 'place' else 'full')
                        for w in find(fs, text):
                            found.append((vi, w))
                if found:
                    vi, w = found[0]
                    verdict = VARIANT_VERDICT.get((eid, lang, vi), 'accepted variant')
                    rows.append((i, lang, eid, m, gform, ', '.join(sorted({x[1] for x in found})), verdict))
                elif (i, lang, eid) in VERDICT:
                    w, v = VERDICT[(i, lang, eid)]
                    rows.append((i, lang, eid, m, gform, w, v))
                else:
                    todo.append((i, lang, eid, m, text))
    # Latin spellings of an entity left in the reference on purpose (team / company names)
    have = {(r[0], r[1], r[2]) for r in rows}
    for lang in ('ru', 'be'):
        for i, text in enumerate(ref[lang], 1):
            for eid, e in ents.items():
                for sp in spellings(e):
                    m = re.search(r'(?<![\w])(?:[A-Z][\w.]* )*' + re.escape(sp) + r'(?: [A-Z][\w.]*)*(?![\w])', text)
                    if m and (i, lang, eid) not in have and mentions(en[i - 1], sp):
                        first = GAZ_FIRST.get((eid, lang)) or ME.forms_of(eid, lang, 0, 'place')
                        rows.append((i, lang, eid, sp, first[0], m.group(0),
                                     'different rendering: Latin name of an organisation kept by the translator '
                                     f'({m.group(0)}); a Latin-leftover fix must not touch it'))
                        have.add((i, lang, eid))
    rows.sort(key=lambda r: (r[0], r[1] != 'ru', r[2]))
    with open(os.path.join(HERE, 'flores_forms.tsv'), 'w', encoding='utf-8') as f:
        f.write('line\tlang\tentity\tenglish\tgazetteer_form\treference_word(s)\tverdict\n')
        for r in rows:
            f.write('\t'.join(map(str, r)) + '\n')
    for t in todo:
        print('TODO', *t, sep='\t')
    print(len(rows), 'rows', len(todo), 'todo')

if __name__ == '__main__':
    main()
