// A ranking asked from the bottom (issue #15): "谁的跟进最少", "who has the fewest visits" —
// `rank_order: 'asc'`; absent, the largest first.
import type { Extractor } from './assemble.js';
import { RANK } from '../intent/signals.js';

const FROM_BOTTOM = /最少|最低|垫底|倒数|最差|fewest|least|lowest|bottom|worst/i;

export const rankOrder: Extractor = (c) => (RANK.test(c.text) && FROM_BOTTOM.test(c.text) ? { rank_order: 'asc' } : {});
