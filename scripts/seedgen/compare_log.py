"""Compares `credits log --format json` with this generator's replay, row by row (plan and
rolled-over tokens after every entry, the computed expiries, the balances), on every example and
every inline scenario snapshot (as JSON and as YAML). Run from the repository root after
`swift build --product credits`: python3 scripts/seedgen/compare_log.py"""
import json, subprocess, sys, glob, os, tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import yamlio, ledger
B = subprocess.check_output(['swift', 'build', '--show-bin-path'], text=True).strip() + '/credits'
def run(path):
    rows, events, page, pages = {}, [], 1, 1
    while page <= pages:
        p = subprocess.run([B, 'log', '--snapshot', path, '--format', 'json', '--page', str(page)], capture_output=True, text=True)
        if p.returncode != 0:
            return None, p.stderr
        d = json.loads(p.stdout)
        pages = d['pages']
        for r in d['rows']:
            rows[r['id']] = (r['plan_after'], r['rollover_after'])
        events += [(e['amount'], tuple(e['entries'])) for e in d['events']]
        page += 1
    return (d['shown_balance'], d['replayed_balance'], rows, sorted(events)), None
files = sorted(glob.glob('seeds/examples/*.yaml') + glob.glob('seeds/examples/*.json'))
tmp = tempfile.mkdtemp()
for s in sorted(glob.glob('Tests/EndToEndTests/Scenarios/*.yaml')):
    doc = yamlio.load(open(s).read())
    if 'snapshot' in doc:
        out = os.path.join(tmp, os.path.basename(s)[:-5] + '.json')
        open(out, 'w').write(json.dumps(doc['snapshot'])); files.append(out[:-5] + '.yaml'); open(out[:-5] + '.yaml', 'w').write(yamlio.dump(doc['snapshot']))
        files.append(out)
bad = 0
for f in files:
    doc = json.load(open(f)) if f.endswith('.json') else yamlio.load(open(f).read())
    mine = ledger.Replay(doc)
    got, err = run(f)
    if got is None:
        print('ERROR', f, err); bad += 1; continue
    shown, replayed, rows, events = got
    my_rows = {e['id']: (p, q) for e, p, q, _ in mine.rows}
    my_events = sorted((a, (eid,)) for eid, _, a in mine.expiries)
    ok = replayed == mine.balance and shown == doc['client']['balance'] and rows == my_rows and events == my_events
    if not ok:
        bad += 1
        diff = [(k, rows.get(k), my_rows.get(k)) for k in my_rows if rows.get(k) != my_rows.get(k)][:5]
        print('DIFF', f, shown, replayed, mine.balance, events, my_events, diff)
    else:
        print('ok  ', os.path.basename(f), shown, replayed)
print('mismatches:', bad, 'of', len(files))
sys.exit(1 if bad else 0)
