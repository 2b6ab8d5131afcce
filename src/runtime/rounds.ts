// A worker's jobs gathered into rounds (issue #16): the jobs fetched together join one round, a
// few rounds run at once, and jobs arriving while they are busy make the next. The outbound and
// inbound workers use it (deliver-batch.ts, inbound-rounds.ts), and so do the reminder jobs (jobs/reminders/batch.ts).

/** What a round settles: each entry is done or failed by the round itself. */
export interface RoundEntry { fail(err: unknown): void }

export class Rounds<E extends RoundEntry> {
  private readonly waiting: E[] = [];
  private running = 0;
  private scheduled = false;

  /** `run`: one round, settling every entry it is given; `max` entries a round, `atOnce` rounds in flight. */
  constructor(private readonly run: (round: E[]) => Promise<void>, private readonly max: number, private readonly atOnce = 2) {}

  add(entry: E): void {
    this.waiting.push(entry);
    this.kick();
  }

  private kick(): void {
    if (this.scheduled || this.running >= this.atOnce || !this.waiting.length) return;
    this.scheduled = true;
    // setImmediate: the jobs the worker fetched together join the same round.
    setImmediate(() => {
      this.scheduled = false;
      const round = this.waiting.splice(0, this.max);
      this.running++;
      // A bug in the round must not leave its jobs hanging until they stall (settled twice is a no-op).
      void this.run(round).catch((err: unknown) => round.forEach((e) => e.fail(err))).finally(() => {
        this.running--;
        this.kick();
      });
      this.kick();
    });
  }
}
