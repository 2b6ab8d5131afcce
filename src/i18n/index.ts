export { t, detectLocale, type Locale, type MessageKey } from './messages.js';
export { formatAmount, formatCalendarDate, formatDateTime, formatPercent } from './format.js';
