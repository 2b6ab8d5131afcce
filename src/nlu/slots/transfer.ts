// Slots of transfer_customer (issue #14): the customer handed over — or `all` of one person's,
// `from_person` — and `to_person`, the colleague who gets them.
import { ALL_OF, TRANSFER_EN, TRANSFER_ZH } from '../intent/transfer-signals.js';
import type { Slots } from '../types.js';

type Context = { text: string; customer?: string };

// Who leaves: the name before 离职/的客户 ("张伟离职了，他的客户…", "把张伟的客户…").
const FROM_ZH = [/^\s*([\u4e00-\u9fff]{2,4}?)\s*(?:离职|辞职|走了|调岗|调走|休假)/, /(?:把|将)?\s*([\u4e00-\u9fff]{2,4}?)\s*(?:名下)?的(?:所有|全部)?客户/];
const FROM_EN = [/\ball\s+(?:of\s+)?([a-z][a-z .-]{1,30}?)'s\s+(?:customers|accounts|clients)\b/i, /^\s*([a-z][a-z .-]{1,30}?)\s+(?:left|has left|is leaving|quit)\b/i];
const PRONOUN = /^(?:他|她|我|你|他们|她们)$/;

function fromPerson(text: string): string | undefined {
  for (const re of [...FROM_ZH, ...FROM_EN]) {
    const name = re.exec(text)?.[1]?.trim();
    if (name && !PRONOUN.test(name)) return name;
  }
  return undefined;
}

export function transferSlots(c: Context): Partial<Slots> {
  const m = TRANSFER_ZH.exec(c.text) ?? TRANSFER_EN.exec(c.text);
  const to = m?.[2]?.trim();
  if (!m || !to) return {};
  if (ALL_OF.test(c.text)) {
    const from = fromPerson(c.text);
    return { all: true, to_person: to, ...(from ? { from_person: from } : {}) };
  }
  const name = m[1]!.trim().replace(/^(?:客户|customer|account)\s*/i, '');
  const customer = name || c.customer;
  return { to_person: to, ...(customer ? { customer } : {}) };
}
