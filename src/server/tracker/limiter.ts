/** At most `size` pieces of work at once; the rest wait their turn, first come first served. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Pieces of work waiting for a turn (the render and download queue depths in /metrics). */
  get queued(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active += 1;
    // The turn is handed over with the slot: `active` stays counted for the waiter.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
