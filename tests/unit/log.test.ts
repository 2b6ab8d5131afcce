import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPersonal } from '../../src/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { log: createLogger('info', stream), lines };
}

describe('logs never carry phone numbers or emails', () => {
  it('masks them inside any string field, nested objects and the message', () => {
    const { log, lines } = capture();
    log.warn({ err: 'Unique constraint failed on (phone)=(13800138000) for zhao.min@xinghe.example.com', job: { data: { note: '客户电话 +86 139-1234-5678' } } },
      'could not save 13912345678');
    const line = lines.join('');
    expect(line).not.toMatch(/13800138000|1391234|5678|zhao\.min|xinghe/);
    expect(line).toContain('[phone]');
    expect(line).toContain('[email]');
    expect(JSON.parse(line).msg).toBe('could not save [phone]');
  });

  it('keeps an Error readable, masked', () => {
    const { log, lines } = capture();
    log.error({ err: new Error('duplicate contact 13800138000') }, 'failed');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ type: 'Error', message: 'duplicate contact [phone]' });
  });

  it('redacts fields named phone and email whatever their shape', () => {
    const { log, lines } = capture();
    log.info({ contact: { phone: '021 5555 1234', email: 'x' } }, 'saved');
    expect(JSON.parse(lines[0]!).contact).toEqual({ phone: '[Redacted]', email: '[Redacted]' });
  });

  it('leaves ISO dates alone, expanded years and offsets included, and still masks a phone beside one', () => {
    // A wrong timestamp unit puts a date in the year 58,895: ISO writes it "+058895-…" (issue #12).
    const dates = ['+058895-11-19T21:58:41.123Z', '+275760-09-13T00:00:00.000Z', '-000001-12-31T00:00:00.000Z', '2026-12-04T18:00:00+08:00', '2026-12-04 13:45:12 +0800'];
    for (const s of dates) expect(maskPersonal(s)).toBe(s);
    const { log, lines } = capture();
    log.error({ at: new Date(1796407451921123), note: 'call +86 138 0013 8000 or +1 415 555 2671 by 2026-12-04T10:00:00.000Z' }, 'failed');
    expect(JSON.parse(lines[0]!)).toMatchObject({ at: '+058895-11-19T21:58:41.123Z', note: 'call [phone] or [phone] by 2026-12-04T10:00:00.000Z' });
  });

  it('leaves ids, amounts, dates and event keys alone', () => {
    for (const s of ['feishu:tk_1:ev_20261123', 'amount 500000', '2026-11-23T09:00:00Z', 'om_7d3f0a9c1', 'deal cmwtd1irb0000f37dbg7l5y8d']) {
      expect(maskPersonal(s)).toBe(s);
    }
  });
});
