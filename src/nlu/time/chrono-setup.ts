// Two chrono instances, each the stock casual configuration with our anchor parsers first and
// chrono's own weekday parsers removed (they use Sunday-based weeks and "closest day").
import * as chrono from 'chrono-node';
import { zhParsers } from './zh-parsers.js';
import { zhSpanParsers } from './zh-spans.js';
import { enParsers } from './en-parsers.js';

const REPLACED = new Set([
  'ZHHansWeekdayParser', 'ZHHansRelationWeekdayParser', 'ENWeekdayParser',
]);
// Work a chat message never needs: past-tense offsets ("3 days ago"), ISO timestamps, time
// zone names and ranges. Dropping them halves chrono's time per message.
const UNUSED = new Set([
  'ISOFormatParser', 'ENTimeUnitAgoFormatParser', 'ZHHansAgoFormatParser', 'ExtractTimezoneAbbrRefiner',
  'ExtractTimezoneOffsetRefiner', 'ENMergeDateRangeRefiner', 'ZHHansMergeDateRangeRefiner', 'ForwardDateRefiner',
  'UnlikelyFormatFilter',
]);

// chrono's UnlikelyFormatFilter drops every all-digit result, and with it "1.15" (15 January, as
// typed on a phone). Ours drops them too, except an M.D date whose month and day are certain.
const MONTH_DOT_DAY = /^(?:1[0-2]|0?[1-9])\.\d{1,2}$/;
const unlikelyFormatFilter: chrono.Refiner = {
  refine: (_context, results) => results.filter((r) => {
    if (!r.start.isValidDate() || (r.end && !r.end.isValidDate())) return false;
    const text = r.text.replace(' ', '');
    if (!/^\d*(?:\.\d*)?$/.test(text)) return true;
    return MONTH_DOT_DAY.test(text) && r.start.isCertain('month') && r.start.isCertain('day');
  }),
};

// Before chrono settles overlaps, which keep the longer reading: chrono's own "9月" said on 31
// August implies 31 September, an invalid date that, dropped only at the end, first takes our
// "9月底" down with it; and its " 12月" starts at the space before, as long as our "12月底".
const tidyBeforeOverlaps: chrono.Refiner = {
  refine: (_context, results) => results.filter((r) => r.start.isValidDate() && (!r.end || r.end.isValidDate())).map((r) => {
    const lead = /^\s+/.exec(r.text)?.[0].length ?? 0;
    if (lead) {
      r.index += lead;
      r.text = r.text.slice(lead);
    }
    return r;
  }),
};

// Some chrono parsers rebuild their (constant) pattern on every call; with our fixed options
// the pattern never changes, so tell the word-boundary base class to keep its cached one.
function freezePattern(parser: chrono.Parser): chrono.Parser {
  const withCache = parser as chrono.Parser & { innerPatternHasChange?: () => boolean };
  if (typeof withCache.innerPatternHasChange === 'function') withCache.innerPatternHasChange = () => false;
  return parser;
}

type Configuration = ReturnType<typeof chrono.zh.hans.createCasualConfiguration>;

function extend(configuration: Configuration, parsers: chrono.Parser[]): chrono.Chrono {
  const keep = (component: object): boolean =>
    !REPLACED.has(component.constructor.name) && !UNUSED.has(component.constructor.name);
  return new chrono.Chrono({
    parsers: [...parsers, ...configuration.parsers.filter(keep).map(freezePattern)],
    refiners: [tidyBeforeOverlaps, ...configuration.refiners.filter(keep), unlikelyFormatFilter],
  });
}

// Fresh configurations, so patching their parsers never touches chrono's shared instances.
export const zhChrono = extend(chrono.zh.hans.createCasualConfiguration(), [...zhSpanParsers, ...zhParsers]);
export const enChrono = extend(chrono.en.configuration.createCasualConfiguration(), enParsers);
