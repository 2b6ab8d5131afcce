// Which slot a date fills. A date about signing is the expected close; one about the next
// contact is the follow-up; any other date (a trial ending, a result due, the day a past
// visit happened) fills nothing. The words deciding it sit in the same clause.
import type { DateMention } from './extract.js';

export type DateRole = 'expected_close' | 'next_follow_up' | 'none';

const CLOSE = /签|成交|落地|走合同|下单|\bclos(?:e|es|ing)\b|\bsign|go[-\s]live|\bpo\b|purchase order/i;
export const FOLLOW = /跟进|联系|再聊|再约|再谈|再沟通|再打|再去|再见|再拜访|再过去|再说|再定|再看|回访|回电|回复|答复|回话|回音|给消息|碰一下|碰个头|下次|(?<!签)约了|约好|约在|约个|提醒|follow[-\s]?up|touch base|check in|reach out|circle back|next steps?|ping|call back|get back|catch up|reconnect/i;
// Dates that are about something else: a trial, a deadline on the customer's side.
const OTHER = /试用|到期|结束|截止|出结果|结果|评估|审批|放假|上线|交付|发货|评估完|\bends?\b|\bexpires?\b|\btrial\b|\bdue\b|deadline|\bresults?\b/i;

const CLAUSE_BREAK = /[,，。;；!！?？\n]/;

function clauseAround(text: string, mention: DateMention): string {
  let start = mention.index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1] ?? '')) start--;
  let end = mention.end;
  while (end < text.length && !CLAUSE_BREAK.test(text[end] ?? '')) end++;
  return text.slice(start, end);
}

/** `planning`: the whole message is a plan (schedule_follow_up), so a date defaults to the follow-up. */
export function dateRole(text: string, mention: DateMention, planning: boolean): DateRole {
  const clause = clauseAround(text, mention);
  const rest = clause.replace(mention.text, ' ');
  // In a plan the date is when to follow up, even "提醒我月底前跟华为签合同".
  if (planning) return OTHER.test(rest) && !FOLLOW.test(rest) ? 'none' : 'next_follow_up';
  if (CLOSE.test(rest) && !FOLLOW.test(rest)) return 'expected_close';
  if (FOLLOW.test(rest)) return 'next_follow_up';
  return 'none';
}

export interface DateSlots { expected_close?: string; next_follow_up?: string }

export function assignDates(text: string, mentions: DateMention[], planning: boolean): DateSlots {
  const slots: DateSlots = {};
  const unassigned: DateMention[] = [];
  for (const mention of mentions) {
    const role = dateRole(text, mention, planning);
    if (role === 'expected_close' && !slots.expected_close) slots.expected_close = mention.value.slice(0, 10);
    else if (role === 'next_follow_up' && !slots.next_follow_up) slots.next_follow_up = mention.value;
    else if (role === 'none' && !OTHER.test(clauseAround(text, mention))) unassigned.push(mention);
  }
  // "他们下周四有空，到时候再跟进": the follow-up word may sit in the next clause; take the
  // last date left over when the message promises a follow-up and none was placed.
  const last = unassigned[unassigned.length - 1];
  if (!slots.next_follow_up && last && FOLLOW.test(text.slice(last.end)) && unassigned.length === 1) {
    slots.next_follow_up = last.value;
  }
  return slots;
}
