// Reminder jobs are fired in rounds, as the outbound worker sends (src/delivery/deliver-batch.ts,
// issue #16): each job hands its payload to the round being gathered and waits for the round's
// outcome, so a job still completes only once its own reminder went out. A round takes what has
// arrived (up to `max`); while `rounds` are running, newly fetched jobs wait and make the next
// one, so a burst (1,000 due in one second) goes out in a few large rounds, a lone reminder at
// once. `run` answers each item with its result or an Error (that item's job fails and is
// retried); if it throws, every job of the round fails.
export class Batcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly run: (items: T[]) => Promise<(R | Error)[]>, private readonly max: number, private readonly rounds = 2) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.scheduled || this.running >= this.rounds || !this.pending.length) return;
    this.scheduled = true;
    // setImmediate: the jobs the worker fetched together join the same round.
    setImmediate(() => {
      this.scheduled = false;
      this.running++;
      void this.flush(this.pending.splice(0, this.max)).finally(() => {
        this.running--;
        this.kick();
      });
      this.kick();
    });
  }

  private async flush(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else if (r === undefined) b.reject(new Error('batch gave no result for this item'));
        else b.resolve(r);
      });
    } catch (err) {
      batch.forEach((b) => b.reject(err));
    }
  }
}
