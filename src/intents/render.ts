// Card pieces shared by intents.
import type { Button, Field } from '../chat/index.js';
import { formatAmount, formatCalendarDate, formatDateTime, t, type Locale, type MessageKey } from '../i18n/index.js';
import type { DealRow } from '../domain/deals.js';

export function field(locale: Locale, key: MessageKey, value: string | undefined | null): Field[] {
  return value ? [{ label: t(locale, key), value }] : [];
}

const CLOSED = new Set(['won', 'lost']);

/** A deal's card fields; `timeZone` is the reader's, for whether the expected close shows its year. */
export function dealFields(locale: Locale, deal: DealRow, timeZone: string): Field[] {
  return [
    ...field(locale, 'field.amount', deal.amount ? formatAmount(deal.amount.toNumber(), locale, deal.currency) : undefined),
    ...field(locale, 'field.stage', t(locale, `stage.${deal.stage}`)),
    // A closed deal has no expected close any more (issue #11): it closed.
    ...field(locale, 'field.expectedClose', deal.expectedClose && !CLOSED.has(deal.stage) ? formatCalendarDate(deal.expectedClose, locale, new Date(), timeZone) : undefined),
    ...field(locale, 'field.lostReason', deal.lostReason),
  ];
}

export function whenField(locale: Locale, at: Date | undefined, timeZone: string): Field[] {
  return field(locale, 'field.nextFollowUp', at ? formatDateTime(at, locale, timeZone) : undefined);
}

export function undoButton(locale: Locale, batchId: string): Button {
  return { label: t(locale, 'button.undo'), action: { intent: 'undo', args: { batchId } }, style: 'danger' };
}

export function viewCustomerButton(locale: Locale, customerId: string): Button {
  return { label: t(locale, 'button.viewCustomer'), action: { intent: 'query_customer', args: { customerId } } };
}
