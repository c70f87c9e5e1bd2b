"""Pick a balanced error set from make_errors.py's candidates and write errors.tsv."""
import collections, random, os
import make_errors
from gaz import HERE

QUOTA = {  # (lang, kind): rows
    ('ru', 'latin'): 34, ('ru', 'other_lang'): 36, ('ru', 'translit_source'): 30,
    ('ru', 'near_miss'): 32, ('ru', 'wrong_case'): 40,
    ('be', 'latin'): 32, ('be', 'other_lang'): 36, ('be', 'translit_source'): 30,
    ('be', 'tarask'): 40, ('be', 'near_miss'): 32, ('be', 'wrong_case'): 40,
}
RARE = ['dat', 'ins', 'acc', 'gen', 'loc', 'nom']
ABBR = {'latin': 'lat', 'other_lang': 'oth', 'translit_source': 'trl', 'tarask': 'tar',
        'near_miss': 'nm', 'wrong_case': 'wc'}

def pick(cands, n, rnd):
    """Round-robin over entities, preferring unseen (entity, case) pairs and article rows."""
    rnd.shuffle(cands)
    cands.sort(key=lambda r: 0 if r['origin'].startswith('article') else 1)
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
            lst.sort(key=lambda r: ((r['entity'], r['case']) in seen_pair, RARE.index(r['case']),
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
    out = []
    for (lang, kind), n in QUOTA.items():
        c = [r for r in rows if r['lang'] == lang and r['kind'] == kind]
        out += pick(c, n, rnd)
    out.sort(key=lambda r: (r['lang'], list(ABBR).index(r['kind']), r['origin']))
    counter = collections.Counter()
    with open(os.path.join(HERE, 'errors.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tlang\tkind\tentity\tsource\ttranslation\texpected\torigin\n')
        for r in out:
            counter[(r['lang'], r['kind'])] += 1
            rid = f"{r['lang']}-{ABBR[r['kind']]}-{r['case']}-{counter[(r['lang'], r['kind'])]:03d}"
            f.write('\t'.join([rid, r['lang'], r['kind'], r['entity'], r['source'], r['translation'],
                               r['expected'], r['origin']]) + '\n')
    for k in sorted(counter):
        print(k, counter[k])
    print(len(out))
    cc = collections.Counter((r['lang'], r['case']) for r in out)
    print(sorted(cc.items()))
    print(len({r['entity'] for r in out}), 'entities')

if __name__ == '__main__':
    main()
