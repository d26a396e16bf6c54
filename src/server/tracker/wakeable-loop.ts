/**
 * A background loop that runs one pass at a time: on its own schedule (the time the pass says
 * the next work is due, or `idleMs` at the latest) or at once when woken. Passes never overlap;
 * a wake during a pass runs one more pass right after it.
 */
export class WakeableLoop {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  /** A pass asked for (wakeWithin) while one ran: the next is due by then at the latest. */
  private dueBy = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    /** Does the work that is due; returns when the next work is due (epoch ms), or null when none is known. */
    private readonly pass: () => Promise<number | null>,
    private readonly onError: (error: unknown) => void,
    private readonly idleMs = 5000,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.runPasses();
  }

  /**
   * Makes sure a pass runs within `ms`: many calls in a burst (steps ending by the hundred) are
   * one pass, where wake() would run one after each.
   */
  wakeWithin(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.running) this.dueBy = Math.min(this.dueBy, at);
    else if (!this.timer || this.timerAt > at) this.schedule(at);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runPasses(): Promise<void> {
    let next: number | null = null;
    do {
      this.again = false;
      try {
        next = await this.pass();
      } catch (error) {
        this.onError(error);
        next = Date.now() + 1000;
      }
    } while (this.again && !this.stopped);
    this.running = null;
    if (this.stopped) return;
    const now = Date.now();
    const at = Math.min(this.dueBy, next === null ? now + this.idleMs : Math.min(now + this.idleMs, next));
    this.dueBy = Infinity;
    this.schedule(at);
  }

  private schedule(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.wake(), Math.max(0, at - Date.now()));
  }
}
