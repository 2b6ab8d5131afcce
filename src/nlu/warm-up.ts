// chrono compiles some of its larger patterns on first use, and pinyin-pro loads its dictionary, which makes the very first
// English or Chinese date cost a few hundred milliseconds. A server calls warmUp() at start
// so no rep's message pays for it.
import { parse } from './parse.js';

const SAMPLES = [
  'Met with Mr. Chen at Acme Corp today, budget $50k, follow up next Tuesday, close Dec 15 at 3pm',
  'in 2 weeks, end of month, January 5th, this Friday 10:30am, tomorrow evening, 3/8',
  '今天上午拜访了华为的张总，意向金额50万，下周三下午3点再跟进，预计月底签，1月10号，两周后',
  // Unplaceable text takes the pinyin typo path, whose dictionary also loads on first use.
  '那个事情搞一下吧',
];

export function warmUp(): void {
  for (const text of SAMPLES) parse(text, { now: '2026-11-23T10:00:00+08:00' });
}
