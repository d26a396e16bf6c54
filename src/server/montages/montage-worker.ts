/**
 * Renders montages, one server each: claims unfinished ones under a lease, waits for a turn in
 * the process's one queue of encodes (the local engine's renders wait in the same queue, so a
 * montage never starves the server, nor a video the montages), renews the lease with every
 * progress step, and ends the montage once. A montage whose server died is claimed again when its
 * lease runs out, and rendered from the start.
 */
import type { WorkQueue } from '@/server/engine/local/work-queue';
import type { Logger } from '@/server/logger';
import type { MediaStorage } from '@/server/media/media-storage';
import type { MontageRecord } from '@/server/store/montages-store';
import type { Store } from '@/server/store/store';
import { WakeableLoop } from '@/server/tracker/wakeable-loop';
import { montageFailure } from './montage-words';
import { renderMontage } from './render-montage';

export interface MontageWorkerOptions {
  serverId: string;
  store: Store;
  media: MediaStorage;
  encodes: WorkQueue;
  /** This process's scratch folder. */
  workDir: string;
  log: Logger;
  leaseMs?: number;
  /** Montages held at once (rendering or waiting for the queue). */
  maxHeld?: number;
}

interface Held {
  abort: AbortController;
  done: Promise<void>;
}

export class MontageWorker {
  private readonly held = new Map<string, Held>();
  private readonly loop: WakeableLoop;
  private readonly leaseMs: number;

  constructor(private readonly options: MontageWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.loop = new WakeableLoop(
      () => this.pass(),
      (error) => options.log.warn('montage pass failed', { error: String(error) }),
      Math.max(1000, this.leaseMs / 3),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** A new montage was stored: claim it now rather than on the next pass. */
  wake(): void {
    this.loop.wake();
  }

  /** Stops claiming, stops every render (its lease lapses and another server, or the next start, renders it). */
  async stop(): Promise<void> {
    await this.loop.stop();
    const held = [...this.held.values()];
    for (const one of held) one.abort.abort();
    await Promise.allSettled(held.map((one) => one.done));
  }

  private async pass(): Promise<null> {
    const room = (this.options.maxHeld ?? 4) - this.held.size;
    if (room <= 0) return null;
    const now = Date.now();
    const claimed = await this.options.store.montages.claim(this.options.serverId, now, now + this.leaseMs, room);
    for (const montage of claimed) this.hold(montage);
    return null;
  }

  private hold(montage: MontageRecord): void {
    const abort = new AbortController();
    const held: Held = { abort, done: Promise.resolve() };
    this.held.set(montage.id, held);
    held.done = this.render(montage, abort).finally(() => {
      this.held.delete(montage.id);
      this.loop.wake();
    });
  }

  private async render(montage: MontageRecord, abort: AbortController): Promise<void> {
    const { store, serverId, log } = this.options;
    let progress = 0;
    const renew = async () => {
      const now = Date.now();
      const mine = await store.montages.progress(montage.id, serverId, progress, now + this.leaseMs, now);
      // Another server holds it now (this one was too slow to renew): it renders, this one stops.
      if (!mine) abort.abort();
    };
    // Renewed while it waits for a turn as while it renders; every progress step renews too.
    const renewal = setInterval(() => void renew().catch(() => undefined), this.leaseMs / 3);
    let lastWrite = 0;
    try {
      const result = await this.options.encodes.run(
        () =>
          renderMontage({
            id: montage.id,
            spec: montage.spec,
            media: this.options.media,
            workDir: this.options.workDir,
            signal: abort.signal,
            onProgress: (percent) => {
              progress = percent;
              if (Date.now() - lastWrite < 500) return;
              lastWrite = Date.now();
              void renew().catch(() => undefined);
            },
          }),
        abort.signal,
      );
      await store.montages.finish(montage.id, serverId, { status: 'succeeded', result }, Date.now());
      log.info('montage rendered', { montage_id: montage.id, duration_s: result.durationS });
    } catch (error) {
      if (abort.signal.aborted) return;
      log.warn('montage failed', { montage_id: montage.id, error: String((error as Error).message ?? error) });
      await store.montages
        .finish(montage.id, serverId, { status: 'failed', error: montageFailure(error) }, Date.now())
        .catch(() => undefined);
    } finally {
      clearInterval(renewal);
    }
  }
}
