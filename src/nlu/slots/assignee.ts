// "提醒张伟明天下午跟进瑞金医院的报价", "让李娜周五给美团打个电话": a follow-up a manager sets for a
// colleague (issue #11, found by a tester using the web chat). The colleague is a known team
// member said right after the verb that hands the task over; the customer is looked for without
// that span ("让李娜" is no customer).
import { findKnown } from './known-names.js';

const HANDS_OVER = /(?:^|(?<=[\s,，。;；|]))(?:请|麻烦)?(?:帮我)?(?:提醒一下|提醒|通知|安排|让|叫|告诉|remind|ask|tell|have|get)\s*/gi;

export interface Assignee { name: string; start: number; end: number }

/** The team member a task is handed to, and the span naming them, or undefined. */
export function findAssignee(text: string, people: readonly string[] | undefined): Assignee | undefined {
  if (!people?.length) return undefined;
  for (const m of text.matchAll(HANDS_OVER)) {
    const at = m.index + m[0].length;
    const known = findKnown(text.slice(at, at + 24), people);
    if (known?.index === 0) return { name: known.name, start: m.index, end: at + known.name.length };
    // "李娜那个华泰建工的单子 让她周四前给我报价方案": 她 is the colleague named before.
    const earlier = /^[她他]/.test(text.slice(at)) ? findKnown(text.slice(0, m.index), people) : undefined;
    if (earlier && /^(?:让|叫|安排|提醒|通知)/.test(m[0].trim().replace(/^(?:请|麻烦)?(?:帮我)?/, ''))) {
      return { name: earlier.name, start: m.index, end: at + 1 };
    }
  }
  return undefined;
}
