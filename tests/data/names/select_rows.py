"""Pick a balanced error set from make_errors.py's candidates and write errors.tsv."""
import collections, random, os
import make_errors
from gaz import HERE

QUOTA = {  # (lang, kind): (rows in all, of them at most this many that need no proposal)
    ('ru', 'latin'): (42, 32), ('ru', 'other_lang'): (42, 32), ('ru', 'translit_source'): (36, 26),
    ('ru', 'near_miss'): (40, 30), ('ru', 'wrong_case'): (40, 17),
    ('be', 'latin'): (42, 32), ('be', 'other_lang'): (42, 32), ('be', 'translit_source'): (40, 30),
    ('be', 'tarask'): (40, 34), ('be', 'near_miss'): (40, 30), ('be', 'wrong_case'): (40, 14),
}
CHANGED = {('pl_belarus', 'ru'): 'ru first form Беларусь (gazetteer: Белоруссия)',
           ('pl_russia', 'ru'): 'ru first form Россия (gazetteer: Российская Федерация)',
           ('pl_russia', 'be'): 'be first form Расія (gazetteer: Расійская Федэрацыя)',
           ('pl_united_states', 'ru'): 'ru first form США (gazetteer: Соединённые штаты)',
           ('pl_united_states', 'be'): 'be first form ЗША (gazetteer: Злучаныя Штаты)',
           ('pl_vilnius', 'be'): 'be first form Вільнюс (gazetteer: Вільня)'}
RARE = ['dat', 'ins', 'acc', 'gen', 'loc', 'nom']
ABBR = {'latin': 'lat', 'other_lang': 'oth', 'translit_source': 'trl', 'tarask': 'tar',
        'near_miss': 'nm', 'wrong_case': 'wc'}

def pick(cands, n, rnd):
    """Round-robin over entities, preferring unseen (entity, case) pairs and article rows."""
    rnd.shuffle(cands)
    # article rows first; Latin possessives ("China's") first of all
    cands.sort(key=lambda r: (0 if "'s" in r['bad'] or '’s' in r['bad'] else 1,
                              0 if r['origin'].startswith('article') else 1))
    by_ent = collections.OrderedDict()
    for r in cands:
        by_ent.setdefault(r['entity'], []).append(r)
    chosen, seen_pair, seen_unit = [], set(), collections.Counter()
    while len(chosen) < n and any(by_ent.values()):
        for e in list(by_ent):
            lst = by_ent[e]
            if not lst:
                continue
            # prefer a case not yet taken for this entity, then a unit used least
            lst.sort(key=lambda r: ("'s" not in r['bad'], (r['entity'], r['case']) in seen_pair, RARE.index(r['case']),
                                    seen_unit[(r['origin'], r['entity'])]))
            r = lst.pop(0)
            chosen.append(r)
            seen_pair.add((r['entity'], r['case']))
            seen_unit[(r['origin'], r['entity'])] += 1
            if len(chosen) >= n:
                break
    return chosen

def main():
    rows = make_errors.main()
    rnd = random.Random(14)
    # one row per (kind, origin, lang, bad span position) -- dedupe identical translations
    uniq = {}
    for r in rows:
        uniq.setdefault((r['lang'], r['kind'], r['translation']), r)
    rows = list(uniq.values())
    gaz_rows = {r['id']: r for r in make_errors.load_tsv(os.path.join(make_errors.ROOT, 'models/names/gazetteer.tsv'))}
    gaz = set(gaz_rows)
    def changed(eid, lang):
        # the gazetteer's current first form differs from the form the expected text uses
        if eid not in gaz or make_errors.E[eid]['type'] != 'place':
            return False
        return gaz_rows[eid][lang].split('|')[0].strip() != make_errors.E[eid][lang][0][0]
    indep = lambda r: r['entity'] in gaz and not changed(r['entity'], r['lang'])
    out = []
    for (lang, kind), (n, n_ind) in QUOTA.items():
        c = [r for r in rows if r['lang'] == lang and r['kind'] == kind]
        a = pick([r for r in c if indep(r)], n_ind, rnd)
        b = pick([r for r in c if not indep(r)], n - len(a), rnd)
        out += a + b
    out.sort(key=lambda r: (r['lang'], list(ABBR).index(r['kind']), r['origin']))
    counter = collections.Counter()
    with open(os.path.join(HERE, 'errors.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tlang\tkind\tentity\tsource\ttranslation\texpected\torigin\n')
        for r in out:
            counter[(r['lang'], r['kind'])] += 1
            rid = f"{r['lang']}-{ABBR[r['kind']]}-{r['case']}-{counter[(r['lang'], r['kind'])]:03d}"
            f.write('\t'.join([rid, r['lang'], r['kind'], r['entity'], r['source'], r['translation'],
                               r['expected'], r['origin']]) + '\n')
    # rows whose expected output needs proposals.tsv: a new entity, or a changed first form
    with open(os.path.join(HERE, 'depends_on_proposals.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tentity\twhy\n')
        lines = open(os.path.join(HERE, 'errors.tsv'), encoding='utf-8').read().split('\n')[1:]
        for l in lines:
            if not l:
                continue
            c = l.split('\t')
            if c[3] not in gaz:
                f.write(f'{c[0]}\t{c[3]}\tnew entity (proposals.tsv)\n')
            elif changed(c[3], c[1]):
                f.write(f'{c[0]}\t{c[3]}\t{c[1]} first form {make_errors.E[c[3]][c[1]][0][0]} '
                        f'(gazetteer now: {gaz_rows[c[3]][c[1]].split("|")[0].strip()})\n')
    kinds = list(ABBR)
    cases = ['nom', 'gen', 'dat', 'acc', 'ins', 'loc']
    print('| lang | kind | ' + ' | '.join(cases) + ' | total |')
    print('|---|---|' + '---|' * (len(cases) + 1))
    for lang in ('ru', 'be'):
        for k in kinds:
            sel = [r for r in out if r['lang'] == lang and r['kind'] == k]
            if not sel:
                continue
            cc = collections.Counter(r['case'] for r in sel)
            print(f'| {lang} | {k} | ' + ' | '.join(str(cc[c]) for c in cases) + f' | {len(sel)} |')
    for k in sorted(counter):
        print(k, counter[k])
    print(len(out))
    cc = collections.Counter((r['lang'], r['case']) for r in out)
    print(sorted(cc.items()))
    print(len({r['entity'] for r in out}), 'entities')

if __name__ == '__main__':
    main()
