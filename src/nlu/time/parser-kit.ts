// The small adapter between chrono's Parser interface and our anchor functions: a parser is
// a pattern plus a function from (match, today) to a local date.
import type { Parser, ParsingContext } from 'chrono-node';
import type { LocalDate } from './calendar.js';

export type Resolve = (match: RegExpMatchArray, today: LocalDate) => LocalDate | null;

export function todayOf(context: ParsingContext): LocalDate {
  // getDateWithAdjustedTimezone returns a Date whose *system-local* fields are the reference's
  // local fields, whatever the host's zone.
  const local = context.reference.getDateWithAdjustedTimezone();
  return { y: local.getFullYear(), m: local.getMonth() + 1, d: local.getDate() };
}

export function anchorParser(pattern: RegExp, resolve: Resolve): Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const day = resolve(match, todayOf(context));
      if (!day) return null;
      return { year: day.y, month: day.m, day: day.d };
    },
  };
}
