"""Build errors.tsv: inject one model-style name error into correct human translations.

Inputs: FLORES-200 dev (tests/data/flores), the article translations in articles/, the gazetteer
(+ proposals.tsv) for English spellings, paradigms.py for case forms.  Output: errors.tsv (and
located.tsv, every located name span with its case, for review).
"""
import re, os, sys, random, collections
from gaz import *
import paradigms as PD
from paradigms import E, CASES

ents = load_entities()
W = r"[\w’'\-]"

PREP = {
 'ru': {'в': {'loc', 'acc'}, 'во': {'loc', 'acc'}, 'на': {'loc', 'acc'}, 'о': {'loc'}, 'об': {'loc'},
        'при': {'loc'}, 'из': {'gen'}, 'от': {'gen'}, 'до': {'gen'}, 'у': {'gen'}, 'для': {'gen'},
        'без': {'gen'}, 'около': {'gen'}, 'из-за': {'gen'}, 'против': {'gen'}, 'после': {'gen'},
        'кроме': {'gen'}, 'среди': {'gen'}, 'к': {'dat'}, 'ко': {'dat'}, 'по': {'dat'},
        'с': {'ins', 'gen'}, 'со': {'ins', 'gen'}, 'между': {'ins'}, 'над': {'ins'}, 'под': {'ins', 'acc'},
        'перед': {'ins'}, 'за': {'ins', 'acc'}, 'через': {'acc'}, 'про': {'acc'}},
 'be': {'у': {'loc', 'acc'}, 'ў': {'loc', 'acc'}, 'ва': {'loc', 'acc'}, 'на': {'loc', 'acc'},
        'аб': {'loc'}, 'пры': {'loc'}, 'пра': {'acc'}, 'праз': {'acc'}, 'з': {'gen', 'ins'},
        'са': {'gen', 'ins'}, 'ад': {'gen'}, 'да': {'gen'}, 'для': {'gen'}, 'без': {'gen'},
        'каля': {'gen'}, 'супраць': {'gen'}, 'пасля': {'gen'}, 'акрамя': {'gen'}, 'сярод': {'gen'},
        'з-за': {'gen'}, 'па': {'dat', 'loc'}, 'к': {'dat'}, 'паміж': {'ins'}, 'над': {'ins'},
        'пад': {'ins', 'acc'}, 'перад': {'ins'}, 'за': {'ins', 'acc'}},
}
PRIO = ['nom', 'gen', 'acc', 'loc', 'dat', 'ins']

def units():
    en = open(os.path.join(ROOT, 'tests/data/flores/flores-dev.en'), encoding='utf-8').read().split('\n')
    ref = {l: open(os.path.join(ROOT, f'tests/data/flores/flores-dev.{l}'), encoding='utf-8').read().split('\n')
           for l in ('ru', 'be')}
    for i, s in enumerate(en, 1):
        if s:
            yield f'flores:{i}', s, {l: ref[l][i - 1] for l in ref}
    import glob
    for f in sorted(glob.glob(os.path.join(ROOT, 'examples/articles/*.txt'))):
        stem = os.path.basename(f)[:-4]
        src = open(f, encoding='utf-8').read().strip().split('\n\n')
        tr = {l: open(os.path.join(HERE, f'articles/{stem}.{l}.txt'), encoding='utf-8').read().strip().split('\n\n')
              for l in ('ru', 'be')}
        for k, p in enumerate(src, 1):
            yield f'article:{stem}:{k}', p, {l: tr[l][k - 1] for l in tr}

def mention(eid, src):
    """The English spelling of eid that src mentions (longest), and whether only the surname is."""
    e = ents[eid]
    best = None
    for s in spellings(e):
        if mentions(src, s):
            if best is None or len(s) > len(best[0]):
                best = (s, False)
    if best is None and e['kind'] == 'person':
        for s in spellings(e):
            sur = s.split()[-1]
            if mentions(src, sur):
                return sur, True
    return best

def forms_of(eid, lang, variant, part):
    """Six forms of variant (index) for part: 'place', 'full', 's'."""
    d = E[eid]
    vs = d[lang] if lang in ('ru', 'be') else d['bt']
    if not vs:
        return None
    v = vs[variant] if variant < len(vs) else vs[0]
    if d['type'] == 'place':
        return v
    if part == 'full':
        return [g + ' ' + s for g, s in zip(v['g'], v['s'])]
    return v['s']

def locate(eid, lang, text):
    d = E[eid]
    found = []
    nvar = len(d[lang])
    for vi in range(nvar):
        parts = ['place'] if d['type'] == 'place' else ['full', 's']
        for part in parts:
            fs = forms_of(eid, lang, vi, part)
            for form in set(fs):
                for m in re.finditer(r'(?<!' + W + ')' + re.escape(form) + r'(?!' + W + ')', text):
                    cases = {c for c, f in zip(CASES, fs) if f == form}
                    found.append((m.start(), m.end(), form, vi, part, cases))
    # longest first, drop overlaps
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    keep = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in keep):
            keep.append(f)
    return sorted(keep)

ADJ = re.compile(r'(ой|ей|ий|ый|ая|яя|ую|юю|ом|ем|ых|их|ай|яй|ім|ым|ага|яга|ого|его|ому|ему|аму|ую|ое|ае)$')

def prev_word(text, start, skip_adj=True):
    m = re.search(r'([\w\-]+)(\W*)$', text[:start])
    if not m or m.group(2).strip():  # punctuation between: no government
        return None
    w = m.group(1).lower()
    if skip_adj and ADJ.search(w) and len(w) > 3:
        w2 = prev_word(text, m.start(1), skip_adj=False)
        if w2 in PREP['ru'] or w2 in PREP['be']:
            return w2
    return w

OVERRIDE = {}  # (origin, lang, start) -> case
for line in open(os.path.join(HERE, 'case_overrides.tsv'), encoding='utf-8') if os.path.exists(os.path.join(HERE, 'case_overrides.tsv')) else []:
    if line.strip() and not line.startswith('#'):
        o, l, form, c = line.rstrip('\n').split('\t')
        if c != 'EXCLUDE':
            OVERRIDE[(o, l, form)] = c

def resolve(origin, lang, text, start, form, cases, eid):
    if (origin, lang, form) in OVERRIDE:
        return OVERRIDE[(origin, lang, form)], prev_word(text, start)
    pw = prev_word(text, start)
    allowed = PREP[lang].get(pw) if pw else None
    cand = cases & allowed if allowed else set(cases)
    if allowed and not cand:
        cand = set(cases)
    if allowed is None:
        cand.discard('loc')  # no locative without a preposition
        if not cand:
            cand = set(cases)
    if allowed is None and 'nom' in cand:
        return 'nom', pw
    if allowed and len(cand) > 1:
        # indeclinable word after a preposition
        if pw in ('с', 'со', 'з', 'са'):
            return ('ins' if E[eid]['type'] == 'person' else 'gen'), pw
        for c in ('loc', 'gen', 'dat', 'ins', 'acc'):
            if c in cand:
                return c, pw
    for c in PRIO:
        if c in cand:
            return c, pw

def translit_form(eid, spelling, lang, part, case):
    tr = E[eid]['tr'].get(spelling)
    if not tr and part == 's':
        for k, v in E[eid]['tr'].items():
            if k.split()[-1] == spelling:
                tr = v
                break
    if not tr or not tr.get(lang):
        return None
    spec = tr[lang]
    ci = CASES.index(case)
    if isinstance(spec, tuple):
        P = lambda x: PD.P(x) if (x.startswith('=') or len(x.split()) == 6) else [x] * 6
        g, s = P(spec[0]), P(spec[1])
        return (g[ci] + ' ' + s[ci]) if part == 'full' else s[ci]
    if len(spec.split()) == 6 or ',' in spec:
        return PD.P(spec)[ci]
    return spec

def latin_form(src, spelling, part, case):
    s = spelling if part != 's' else spelling.split()[-1]
    m = re.search(re.escape(s) + r"(['’])s\b", src)
    if case == 'gen' and m:
        return s + m.group(1) + 's'
    return s

EXCLUDE = set()  # (origin, lang, form): a matching string that is not the name (an adjective etc.)
if os.path.exists(os.path.join(HERE, 'case_overrides.tsv')):
    for line in open(os.path.join(HERE, 'case_overrides.tsv'), encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) == 4 and p[3] == 'EXCLUDE':
            EXCLUDE.add((p[0], p[1], p[2]))

def spans_of_unit(origin, src, text, lang):
    out = []
    for eid in E:
        if eid not in ents:
            continue
        m = mention(eid, src)
        if not m:
            continue
        for (a, b, form, vi, part, cases) in locate(eid, lang, text):
            if (origin, lang, form) in EXCLUDE:
                continue
            out.append(dict(a=a, b=b, form=form, vi=vi, part=part, cases=cases, eid=eid,
                            spelling=m[0], only_surname=m[1]))
    out.sort(key=lambda x: x['a'])
    prev = None
    for sp in out:
        case, pw = resolve(origin, lang, text, sp['a'], sp['form'], sp['cases'], sp['eid'])
        if (origin, lang, sp['form']) not in OVERRIDE and prev is not None and \
                (pw is None or pw in ('и', 'і', 'или', 'ці', 'й')) and \
                re.fullmatch(r'\s*(,|и|і|или|ці|й)?\s*', text[prev['b']:sp['a']]) and \
                prev['case'] in sp['cases']:
            case = prev['case']
            pw = prev['pw']
        sp['case'], sp['pw'] = case, pw
        prev = sp
    return out

SKIP_UNITS = {('flores:996', 'be')}  # the reference itself has a name slip (Russian США in Belarusian)

def main():
    rows = []
    located = []
    for origin, src, tr in units():
        for lang in ('ru', 'be'):
            if (origin, lang) in SKIP_UNITS:
                continue
            text = tr[lang]
            for sp in spans_of_unit(origin, src, text, lang):
                a, b, form, vi, part, cases = sp['a'], sp['b'], sp['form'], sp['vi'], sp['part'], sp['cases']
                eid, spelling, only_surname = sp['eid'], sp['spelling'], sp['only_surname']
                case, pw = sp['case'], sp['pw']
                located.append((origin, lang, eid, form, case, pw or '', spelling, ','.join(sorted(cases)), str(a)))
                if vi != 0:
                    # an accepted variant, not the first form: a fixed error would come back as the
                    # first form, so the reference could not be the expected output
                    continue
                other = 'be' if lang == 'ru' else 'ru'
                ci = CASES.index(case)
                cands = {}
                # latin: the English spelling as the source writes it
                if E[eid]['type'] == 'place':
                    cands['latin'] = latin_form(src, spelling, 'place', case)
                else:
                    sp_ = spelling if (part == 'full' and len(spelling.split()) > 1) else spelling.split()[-1]
                    if not (part == 'full' and len(spelling.split()) == 1):
                        cands['latin'] = latin_form(src, sp_, 'place', case)
                # other language, same case
                of = forms_of(eid, other, vi, part)
                if of and of[ci] != form:
                    cands['other_lang'] = of[ci]
                # transliteration of the source spelling
                t = translit_form(eid, spelling, lang, part if not only_surname else 's', case)
                if t and t != form and not (of and t == of[ci]):
                    cands['translit_source'] = t
                # Taraškievica
                if lang == 'be':
                    bf = forms_of(eid, 'bt', vi, part)
                    if bf and bf[ci] != form:
                        cands['tarask'] = bf[ci]
                # near miss
                for old, new in E[eid]['near_' + lang]:
                    if old in form and old != new:
                        cands['near_miss'] = form.replace(old, new, 1)
                        break
                # wrong case: nominative after a preposition that rules the nominative out
                fs = forms_of(eid, lang, vi, part)
                if case != 'nom' and pw in PREP[lang] and fs[0] != form:
                    if not any(fs[CASES.index(c)] == fs[0] for c in PREP[lang][pw]):
                        cands['wrong_case'] = fs[0]
                for kind in ('translit_source', 'near_miss'):
                    others = [v for k, v in cands.items() if k != kind]
                    if kind in cands and cands[kind] in others:
                        del cands[kind]
                if form[:1].islower():
                    # a lower-case word is never taken for a name: only the Latin leftover is fixable
                    cands = {k: v for k, v in cands.items() if k == 'latin'}
                for kind, bad in cands.items():
                    if bad == form:
                        continue
                    rows.append(dict(lang=lang, kind=kind, entity=eid, source=src,
                                     translation=text[:a] + bad + text[b:], expected=text,
                                     origin=origin, case=case, bad=bad, good=form))
    with open(os.path.join(HERE, 'located.tsv'), 'w', encoding='utf-8') as f:
        f.write('origin\tlang\tentity\tform\tcase\tprev_word\tenglish\tcandidates\tstart\n')
        for l in located:
            f.write('\t'.join(l) + '\n')
    return rows

if __name__ == '__main__':
    rows = main()
    c = collections.Counter((r['lang'], r['kind']) for r in rows)
    for k in sorted(c):
        print(k, c[k])
    print(len(rows))
    import pickle
    pickle.dump(rows, open('/tmp/cand_rows.pkl', 'wb'))
