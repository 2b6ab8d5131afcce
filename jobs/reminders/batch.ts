// Reminder jobs are fired in rounds, as the outbound worker sends (src/delivery/deliver-batch.ts,
// issue #16): each job hands its payload to the round being gathered and waits for the round's
// outcome, so a job still completes only once its own reminder went out. A round takes what has
// arrived (up to `max`); while `rounds` are running, newly fetched jobs wait and make the next
// one, so a burst (1,000 due in one second) goes out in a few large rounds, a lone reminder at
// once. `run` answers each item with its result or an Error (that item's job fails and is
// retried); if it throws, every job of the round fails.
import { Rounds } from '../../src/runtime/rounds.js';

interface Waiting<T, R> { item: T; resolve: (r: R) => void; fail: (e: unknown) => void }

export class Batcher<T, R> {
  // The gathering itself is the workers' (src/runtime/rounds.ts); a round that throws fails every job in it.
  private readonly rounds: Rounds<Waiting<T, R>>;

  constructor(private readonly run: (items: T[]) => Promise<(R | Error)[]>, max: number, rounds = 2) {
    this.rounds = new Rounds((round) => this.flush(round), max, rounds);
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, fail) => this.rounds.add({ item, resolve, fail }));
  }

  private async flush(batch: Waiting<T, R>[]): Promise<void> {
    const results = await this.run(batch.map((b) => b.item));
    batch.forEach((b, i) => {
      const r = results[i];
      if (r instanceof Error) b.fail(r);
      else if (r === undefined) b.fail(new Error('batch gave no result for this item'));
      else b.resolve(r);
    });
  }
}
