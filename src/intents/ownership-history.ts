// The ownership lines of a customer's status card (issue #14): "12-05 张伟 → 李娜（转移）", the pool
// as one end of a recycle or claim, and who collaborates on it.
import type { Field } from '../chat/index.js';
import { collaboratorNames, ownershipHistory, type MoveLine } from '../domain/ownership.js';
import type { Locale } from '../i18n/index.js';
import { localDate } from '../../jobs/calendar.js';
import { ow } from './ownership-messages.js';
import type { IntentContext } from './types.js';

const INTO_POOL = new Set(['recycle', 'release']);

function line(locale: Locale, timeZone: string, m: MoveLine): string {
  const pool = ow(locale, 'pool');
  const from = m.kind === 'claim' ? pool : m.from ?? pool;
  const to = INTO_POOL.has(m.kind) ? pool : m.to ?? pool;
  const kind = ow(locale, `kind.${m.kind}` as 'kind.transfer');
  return ow(locale, 'moveLine', { date: localDate(m.at, timeZone).slice(5), from, to, kind: kind ?? m.kind });
}

export async function ownershipFields(ctx: IntentContext, customerId: string): Promise<Field[]> {
  const { tx, actor, locale } = ctx;
  const [moves, collaborators] = await Promise.all([
    ownershipHistory(tx, actor.tenantId, customerId),
    collaboratorNames(tx, actor.tenantId, customerId),
  ]);
  return [
    ...(collaborators.length ? [{ label: ow(locale, 'collaboratorsField'), value: collaborators.join('、') }] : []),
    ...(moves.length ? [{ label: ow(locale, 'historyField'), value: moves.map((m) => line(locale, actor.timeZone, m)).join('\n') }] : []),
  ];
}
