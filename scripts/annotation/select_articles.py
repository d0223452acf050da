"""Pick the real-news dev set articles (seeded) and write texts.jsonl + batches/ into the current folder.

Run it in a work folder outside the repository (the texts must never be committed):
  mkdir -p /tmp/annot && cd /tmp/annot && python3 /path/to/scripts/annotation/select_articles.py
"""
import gzip, json, random, re
from pathlib import Path
D = Path(__file__).resolve().parents[3] / 'shared' / 'data'
CUES = re.compile(r'заяв|встреч|переговор|санкц|обвин|задерж|удар|визит|призв|подпис|договор|соглаш|протест|митинг|арест|потребов|сообщ|отметил|президент|министр', re.I)
rng = random.Random(20261207)
def rich(t, n): return len(CUES.findall(t)) >= n
docs = []
ng = [json.loads(l) for l in gzip.open(D/'realnews/ng.jsonl.gz', 'rt')]
ng = [r for r in ng if 1200 <= len(r['text']) <= 4500 and r['id'].split('-')[1] in ('world','cis','politics','ng_politics','armies','dipkurer','economics','regions','nvo') and rich(r['text'], 6)]
rt = [json.loads(l) for l in gzip.open(D/'realnews/rt.jsonl.gz', 'rt')]
rt = [r for r in rt if 1200 <= len(r['text']) <= 4500 and rich(r['text'], 6)]
for r in rng.sample(ng, 40) + rng.sample(rt, 30):
    docs.append({'id': r['id'], 'text': r['text'], 'published': r.get('published'), 'title': r.get('title'), 'source': 'realnews'})
fr = sorted((D/'factRuEval-2016/devset').glob('*.txt'))
fr = [p for p in fr if 700 <= len(p.read_text(encoding='utf-8')) <= 4000 and rich(p.read_text(encoding='utf-8'), 4)]
for p in rng.sample(fr, 20):
    docs.append({'id': 'factru-' + p.stem, 'text': p.read_text(encoding='utf-8'), 'published': None, 'title': None, 'source': 'factRuEval-2016/devset'})
ne = sorted((D/'NEREL-v1.1/dev').glob('*.txt'))
ne = [p for p in ne if 700 <= len(p.read_text(encoding='utf-8')) <= 4000 and rich(p.read_text(encoding='utf-8'), 5)]
for p in rng.sample(ne, 15):
    docs.append({'id': 'nerel-' + p.stem, 'text': p.read_text(encoding='utf-8'), 'published': None, 'title': None, 'source': 'NEREL-v1.1/dev'})
rng.shuffle(docs)
with open('texts.jsonl', 'w') as f:
    for d in docs: f.write(json.dumps(d, ensure_ascii=False) + '\n')
print(len(docs), sum(len(d['text']) for d in docs), len(ng), len(rt), len(fr), len(ne))
K = 7
Path('batches').mkdir(exist_ok=True)
for k in range(K):
    prim = [d['id'] for d in docs[k::K]]
    other = [d['id'] for d in docs[(k+1)%K::K]][-2:]   # two of the next batch, annotated independently for agreement
    Path(f'batches/b{k}.txt').write_text('\n'.join(prim) + '\n')
    Path(f'batches/b{k}.agree.txt').write_text('\n'.join(other) + '\n')
    print(k, len(prim), sum(len(d['text']) for d in docs if d['id'] in prim))
