"""Shared helpers: load the gazetteer (plus proposals) and find English mentions."""
import csv, re, os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '../../..'))
HERE = os.path.dirname(os.path.abspath(__file__))

def load_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        header = None
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if header is None:
                header = cols
                continue
            cols += [''] * (len(header) - len(cols))
            rows.append(dict(zip(header, cols)))
    return rows

def load_entities(with_proposals=True):
    ents = {}
    for r in load_tsv(os.path.join(ROOT, 'models/names/gazetteer.tsv')):
        r['from'] = 'gazetteer'
        ents[r['id']] = r
    p = os.path.join(HERE, 'proposals.tsv')
    if with_proposals and os.path.exists(p):
        for r in load_tsv(p):
            if r['id'] not in ents:
                r['from'] = 'proposal'
                ents[r['id']] = r
    return ents

def spellings(ent):
    return [s.strip() for s in ent['english'].split('|') if s.strip()]

def mentions(text, spelling):
    return re.search(r'(?<![\w])' + re.escape(spelling) + r'(?![\w])', text) is not None
