// The reminder worker's batcher: items added together are run as one batch (at most `max`), each
// add() gets its own item's result, and an item answered with an Error rejects alone.
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../jobs/reminders/batch.js';

describe('reminder batcher', () => {
  it('runs what was added together as batches of at most max, each add with its own result', async () => {
    const batches: number[][] = [];
    const b = new Batcher(async (xs: number[]) => { batches.push(xs); return xs.map((x) => x * 10); }, 3, 5);
    const results = await Promise.all([1, 2, 3, 4, 5].map((x) => b.add(x)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects only the item answered with an Error; a thrown batch rejects all of it', async () => {
    const b = new Batcher(async (xs: number[]) => xs.map((x) => (x === 2 ? new Error('bad 2') : x)), 10, 1);
    const settled = await Promise.allSettled([1, 2, 3].map((x) => b.add(x)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('bad 2');
    const failing = new Batcher<number, number>(async () => { throw new Error('down'); }, 10, 1);
    const all = await Promise.allSettled([failing.add(1), failing.add(2)]);
    expect(all.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('while its rounds run, what arrives waits and goes out as one larger round', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const b = new Batcher(async (xs: number[]) => { batches.push(xs); if (xs[0] === 1) await held; return xs; }, 100, 1);
    const first = b.add(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4, 5].map((x) => b.add(x));
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });
});
