"""Annotation helper for the real-news dev set (ANNOTATION.md format).

  python3 tool.py show ID            text with paragraph offsets
  python3 tool.py check FILE         fill offsets from *_text fields, validate, print a summary (rewrites FILE)

In FILE (one JSON object per line), give texts and let the tool find offsets:
  quote_text: exact text; long spans may be written "FIRST WORDS ... LAST WORDS" (space, three dots, space)
  trigger_text (+ optional trigger_context: a longer exact snippet that contains the trigger once)
  speaker_mention_text: exact, or null; the occurrence nearest the quote is taken
  an optional "start"/"trigger_start" hint picks the nearest occurrence when the text repeats.
"""
import json, re, sys
from pathlib import Path
TEXTS = {json.loads(l)['id']: json.loads(l) for l in open('texts.jsonl', encoding='utf-8')}  # in the work folder, never the repo
TYPES = set('AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT'.split())
MODALITIES = {'asserted', 'negated', 'planned', 'hypothetical'}
KINDS = {'direct', 'indirect', 'mixed'}
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')

def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i); i = text.find(s, i + 1)
    return out

def locate(text, s, hint, after=0):
    """(start, end) of s in text: nearest to hint, else first at/after `after`, else first."""
    if ' ... ' in s:
        head, tail = s.split(' ... ', 1)
        st = locate(text, head, hint, after)
        if st is None: return None
        i = text.find(tail, st[1])
        return (st[0], i + len(tail)) if i >= 0 else None
    occ = occurrences(text, s)
    if not occ: return None
    if hint is not None:
        i = min(occ, key=lambda o: abs(o - hint))
    else:
        later = [o for o in occ if o >= after]
        i = later[0] if later else occ[0]
    return (i, i + len(s))

def check(path):
    lines = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    problems, out = [], []
    for rec in lines:
        doc = rec['doc']
        if doc not in TEXTS:
            problems.append(f'{doc}: unknown doc'); out.append(rec); continue
        text = TEXTS[doc]['text']
        rec['published'] = TEXTS[doc].get('published')
        prev = 0
        for n, q in enumerate(rec.get('quotes', [])):
            where = f'{doc} quote {n}'
            s = q.get('quote_text') or ''
            hint = q.get('start') if isinstance(q.get('start'), int) and text[q['start']:q.get('end', -1)] != s else None
            if isinstance(q.get('start'), int) and text[q['start']:q.get('end', 0)] == s:
                span = (q['start'], q['end'])
            else:
                span = locate(text, s, hint, prev)
            if not span:
                problems.append(f'{where}: quote_text not found: {s[:60]!r}'); continue
            q['start'], q['end'] = span; q['quote_text'] = text[span[0]:span[1]]; prev = span[0]
            if q.get('kind') not in KINDS: problems.append(f'{where}: kind {q.get("kind")!r}')
            if not q.get('speaker'): problems.append(f'{where}: no speaker')
            q.setdefault('speaker_aliases', []); q.setdefault('via', None); q.setdefault('cue_text', None)
            m = q.get('speaker_mention_text')
            if m:
                occ = occurrences(text, m)
                if not occ:
                    problems.append(f'{where}: speaker_mention_text not found: {m!r}'); q['speaker_start'] = q['speaker_end'] = None
                else:
                    i = min(occ, key=lambda o: 0 if span[0] <= o < span[1] else min(abs(o - span[0]), abs(o - span[1])) + (0 if o >= span[1] or o < span[0] else 10**6))
                    if q.get('speaker_start') is not None and text[q['speaker_start']:q.get('speaker_end', 0)] == m:
                        i = q['speaker_start']
                    q['speaker_start'], q['speaker_end'] = i, i + len(m)
            else:
                q['speaker_mention_text'] = None; q['speaker_start'] = q['speaker_end'] = None
        for n, e in enumerate(rec.get('events', [])):
            where = f'{doc} event {n}'
            t = e.get('trigger_text') or ''
            ctx = e.get('trigger_context')
            span = None
            if isinstance(e.get('trigger_start'), int) and text[e['trigger_start']:e.get('trigger_end', 0)] == t:
                span = (e['trigger_start'], e['trigger_end'])
            elif ctx:
                c = locate(text, ctx, e.get('trigger_start'))
                if c and t in text[c[0]:c[1]]:
                    i = text.find(t, c[0]); span = (i, i + len(t))
                else:
                    problems.append(f'{where}: trigger_context not found or lacks trigger: {ctx[:60]!r}')
            if span is None and not ctx:
                span = locate(text, t, e.get('trigger_start'))
            if not span or not t:
                problems.append(f'{where}: trigger_text not found: {t!r}'); continue
            e['trigger_start'], e['trigger_end'] = span; e['trigger_text'] = text[span[0]:span[1]]
            if e.get('type') not in TYPES: problems.append(f'{where}: type {e.get("type")!r}')
            if e.get('modality') not in MODALITIES: problems.append(f'{where}: modality {e.get("modality")!r}')
            if not isinstance(e.get('actor'), list) or not e['actor']: problems.append(f'{where}: actor must be a non-empty list')
            if not isinstance(e.get('recipient'), list): problems.append(f'{where}: recipient must be a list')
            for k in ('actor_aliases', 'recipient_aliases'):
                e.setdefault(k, {})
                if not isinstance(e[k], dict): problems.append(f'{where}: {k} must be a dict name -> [aliases]')
            if e.get('date') and not DATE.match(e['date']): problems.append(f'{where}: date {e["date"]!r}')
            for k in ('mode', 'date', 'date_text', 'place'): e.setdefault(k, None)
        out.append(rec)
    with open(path, 'w', encoding='utf-8') as f:
        for rec in out: f.write(json.dumps(rec, ensure_ascii=False) + '\n')
    for rec in out:
        text = TEXTS.get(rec['doc'], {}).get('text', '')
        print(f"## {rec['doc']}  quotes {len(rec.get('quotes', []))}  events {len(rec.get('events', []))}")
        for q in rec.get('quotes', []):
            if 'start' in q:
                print(f"  Q [{q['start']}:{q['end']}] {q.get('kind')} {q.get('speaker')} via={q.get('via')} | {text[q['start']:q['end']][:70]!r}")
        for e in rec.get('events', []):
            if 'trigger_start' in e:
                print(f"  E [{e['trigger_start']}] {e.get('type')} {e.get('trigger_text')!r} {e.get('actor')} -> {e.get('recipient')} {e.get('modality')} {e.get('date')}")
    print('\n'.join(problems) if problems else 'OK: no problems')

def show(doc):
    d = TEXTS[doc]
    print(f"id: {doc}\npublished: {d.get('published')}\ntitle: {d.get('title')}\n")
    pos = 0
    for para in d['text'].split('\n'):
        print(f'[{pos}] {para}')
        pos += len(para) + 1

if __name__ == '__main__':
    {'show': show, 'check': check}[sys.argv[1]](sys.argv[2])
