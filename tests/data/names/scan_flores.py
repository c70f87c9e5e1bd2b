import sys
from gaz import *
ents = load_entities()
en = open(os.path.join(ROOT,'tests/data/flores/flores-dev.en')).read().split('\n')
for i, line in enumerate(en, 1):
    for e in ents.values():
        for s in spellings(e):
            if mentions(line, s):
                print(i, e['id'], s, sep='\t')
                break
