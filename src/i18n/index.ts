export { t, translator, detectLocale, type Locale, type MessageKey, type MessageTable, type Params, type Text } from './messages.js';
export { formatAmount, formatCalendarDate, formatDateTime, formatPercent } from './format.js';
