// Feishu allows 5 messages a second into one chat (user or group, shared by all bots there).
// The outbound queue limits the whole app (50/s); this spaces sends per chat inside one
// process. Several worker processes can still exceed it together: the 429 path covers that.
export class PerChatLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly perSecond = 5, private readonly now = () => Date.now()) {}

  /** Resolves when one more send to `chat` stays within the limit, and counts it. */
  async acquire(chat: string): Promise<void> {
    if (this.recent.size > 5000) this.sweep();
    for (;;) {
      const t = this.now();
      const times = (this.recent.get(chat) ?? []).filter((x) => t - x < 1000);
      if (times.length < this.perSecond) {
        times.push(t);
        this.recent.set(chat, times);
        return;
      }
      this.recent.set(chat, times);
      await new Promise((r) => setTimeout(r, 1000 - (t - times[0]!) + 1));
    }
  }

  /** Forgets chats with no send in the last second, so the map does not grow forever. */
  private sweep(): void {
    const t = this.now();
    for (const [chat, times] of this.recent) if (t - times[times.length - 1]! >= 1000) this.recent.delete(chat);
  }
}
