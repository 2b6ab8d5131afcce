// Reminder jobs due in the same instant are fired together: each job hands its payload to the
// batch being gathered (up to `max`, or for `waitMs` after the first) and waits for the batch's
// outcome, so a job still completes only once its own reminder went out. `run` answers each item
// with its result or an Error (that item's job fails and is retried); if it throws, every job of
// the batch fails.
export class Batcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly run: (items: T[]) => Promise<(R | Error)[]>, private readonly max: number, private readonly waitMs: number) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (!batch.length) return;
    this.run(batch.map((b) => b.item)).then(
      (results) => batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else if (r === undefined) b.reject(new Error('batch gave no result for this item'));
        else b.resolve(r);
      }),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  }
}
