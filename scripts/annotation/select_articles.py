"""Pick real-news articles to annotate (seeded) and write texts.jsonl + batches/ into the current folder.

Run it in a work folder outside the repository (the texts must never be committed):
  mkdir -p /tmp/annot && cd /tmp/annot && python3 /path/to/scripts/annotation/select_articles.py

The defaults rebuild the first round (105 articles, 7 batches). A later round draws new articles with
another seed and leaves out every article already annotated:
  python3 select_articles.py --seed 20261208 --counts 14 10 6 6 --batches 3 \\
      --exclude /path/to/devsets/real/dev.jsonl /path/to/devsets/real/lockbox.jsonl
"""
import argparse, gzip, json, random, re
from pathlib import Path
D = Path(__file__).resolve().parents[3] / 'shared' / 'data'
CUES = re.compile(r'заяв|встреч|переговор|санкц|обвин|задерж|удар|визит|призв|подпис|договор|соглаш|протест|митинг|арест|потребов|сообщ|отметил|президент|министр', re.I)
NG_SECTIONS = ('world', 'cis', 'politics', 'ng_politics', 'armies', 'dipkurer', 'economics', 'regions', 'nvo')


def rich(t, n): return len(CUES.findall(t)) >= n


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seed', type=int, default=20261207)
    parser.add_argument('--counts', type=int, nargs=4, default=[40, 30, 20, 15], metavar=('NG', 'RT', 'FACTRU', 'NEREL'))
    parser.add_argument('--batches', type=int, default=7)
    parser.add_argument('--exclude', type=Path, nargs='*', default=[], help='annotation files whose articles are left out')
    args = parser.parse_args()
    done = {json.loads(l)['doc'] for p in args.exclude for l in open(p, encoding='utf-8') if l.strip()}
    n_ng, n_rt, n_fr, n_ne = args.counts
    rng = random.Random(args.seed)
    docs = []
    ng = [json.loads(l) for l in gzip.open(D/'realnews/ng.jsonl.gz', 'rt')]
    ng = [r for r in ng if 1200 <= len(r['text']) <= 4500 and r['id'].split('-')[1] in NG_SECTIONS and rich(r['text'], 6) and r['id'] not in done]
    rt = [json.loads(l) for l in gzip.open(D/'realnews/rt.jsonl.gz', 'rt')]
    rt = [r for r in rt if 1200 <= len(r['text']) <= 4500 and rich(r['text'], 6) and r['id'] not in done]
    for r in rng.sample(ng, n_ng) + rng.sample(rt, n_rt):
        docs.append({'id': r['id'], 'text': r['text'], 'published': r.get('published'), 'title': r.get('title'), 'source': 'realnews'})
    fr = sorted((D/'factRuEval-2016/devset').glob('*.txt'))
    fr = [p for p in fr if 700 <= len(p.read_text(encoding='utf-8')) <= 4000 and rich(p.read_text(encoding='utf-8'), 4) and 'factru-' + p.stem not in done]
    for p in rng.sample(fr, n_fr):
        docs.append({'id': 'factru-' + p.stem, 'text': p.read_text(encoding='utf-8'), 'published': None, 'title': None, 'source': 'factRuEval-2016/devset'})
    ne = sorted((D/'NEREL-v1.1/dev').glob('*.txt'))
    ne = [p for p in ne if 700 <= len(p.read_text(encoding='utf-8')) <= 4000 and rich(p.read_text(encoding='utf-8'), 5) and 'nerel-' + p.stem not in done]
    for p in rng.sample(ne, n_ne):
        docs.append({'id': 'nerel-' + p.stem, 'text': p.read_text(encoding='utf-8'), 'published': None, 'title': None, 'source': 'NEREL-v1.1/dev'})
    rng.shuffle(docs)
    with open('texts.jsonl', 'w') as f:
        for d in docs: f.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(len(docs), sum(len(d['text']) for d in docs), len(ng), len(rt), len(fr), len(ne))
    k_all = args.batches
    Path('batches').mkdir(exist_ok=True)
    for k in range(k_all):
        prim = [d['id'] for d in docs[k::k_all]]
        other = [d['id'] for d in docs[(k+1) % k_all::k_all]][-2:]   # two of the next batch, annotated independently for agreement
        Path(f'batches/b{k}.txt').write_text('\n'.join(prim) + '\n')
        Path(f'batches/b{k}.agree.txt').write_text('\n'.join(other) + '\n')
        print(k, len(prim), sum(len(d['text']) for d in docs if d['id'] in prim))


if __name__ == '__main__':
    main()
