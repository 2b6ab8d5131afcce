// Two chrono instances, each the stock casual configuration with our anchor parsers first and
// chrono's own weekday parsers removed (they use Sunday-based weeks and "closest day").
import * as chrono from 'chrono-node';
import { zhParsers } from './zh-parsers.js';
import { enParsers } from './en-parsers.js';

const REPLACED = new Set([
  'ZHHansWeekdayParser', 'ZHHansRelationWeekdayParser', 'ENWeekdayParser',
]);

function extend(base: chrono.Chrono, parsers: chrono.Parser[]): chrono.Chrono {
  const instance = base.clone();
  instance.parsers = [...parsers, ...instance.parsers.filter((p) => !REPLACED.has(p.constructor.name))];
  return instance;
}

export const zhChrono = extend(chrono.zh.hans.casual, zhParsers);
export const enChrono = extend(chrono.en.casual, enParsers);
