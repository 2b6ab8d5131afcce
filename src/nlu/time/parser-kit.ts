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

/** `notAfter`: the character before the match that makes it no date (老周一 is a person). */
export function anchorParser(pattern: RegExp, resolve: Resolve, notAfter?: RegExp): Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      if (notAfter && match.index && notAfter.test(context.text[match.index - 1] ?? '')) return null;
      const day = resolve(match, todayOf(context));
      if (!day) return null;
      return { year: day.y, month: day.m, day: day.d };
    },
  };
}
