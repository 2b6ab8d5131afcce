// When a Feishu event happened, from `header.create_time`. The documents disagree on the unit:
// "Card callback (card.action.trigger)" and the v2.0 envelope in "Event subscription overview"
// show microseconds ("1603977298000000"), while "Receive message (im.message.receive_v1)" shows
// milliseconds ("1608725989000"). The two are three orders of magnitude apart, so the size of
// the number tells them apart; anything that still lands far from now is not trusted.

/** Events Feishu re-delivers arrive up to ~6 h late; older (or future) times are a wrong unit. */
export const MAX_AGE_MS = 24 * 60 * 60_000;
export const MAX_AHEAD_MS = 5 * 60_000;

/** Milliseconds from a seconds, milliseconds or microseconds epoch value (by its size). */
function toMs(value: number): number {
  if (value >= 1e14) return Math.floor(value / 1000); // microseconds (16 digits today)
  if (value >= 1e11) return value; // milliseconds (13 digits)
  return value * 1000; // seconds (10 digits)
}

/** The event's time, or the receive time when create_time is missing, malformed or implausible. */
export function eventTime(createTime: string | undefined, nowMs: number = Date.now()): Date {
  if (!createTime || !/^\d{1,17}$/.test(createTime)) return new Date(nowMs);
  const ms = toMs(Number(createTime));
  return ms > nowMs + MAX_AHEAD_MS || ms < nowMs - MAX_AGE_MS ? new Date(nowMs) : new Date(ms);
}
