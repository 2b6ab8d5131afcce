# Writes cases.jsonl from the hand-written tables in batch_*.py (kept as Python for terse
# authoring; the JSONL is what the tests read).
import json, glob, importlib.util
NOW = {
  'mon': '2026-11-23T10:00:00+08:00', 'sun': '2026-11-29T09:00:00+08:00', 'dec30': '2026-12-30T16:30:00+08:00',
  'feb26': '2027-02-26T09:00:00+08:00', 'q3end': '2026-09-30T10:00:00+08:00', 'ny': '2026-11-23T23:30:00-05:00',
}
out = []
for path in sorted(glob.glob('batch_*.py')):
    spec = importlib.util.spec_from_file_location('b', path); mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    for text, now, intent, slots in mod.CASES:
        out.append(json.dumps({'text': text, 'now': NOW[now], 'expect': {'intent': intent, 'slots': slots}}, ensure_ascii=False))
open('../cases.jsonl', 'w').write('\n'.join(out) + '\n')
print(len(out), 'cases')
