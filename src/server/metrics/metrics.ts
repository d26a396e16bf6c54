/**
 * What `GET /metrics` shows, in Prometheus' text format (prom-client), on a registry of this
 * server's own (tests run several servers in one process). Every series carries `server`, this
 * process's id: behind a reverse proxy each server is scraped on its own address.
 *
 * Counted as it happens: upstream calls by operation and outcome, with their latency. Read at
 * each scrape: tasks by status and the tracker's lag (from the store, so for the whole fleet
 * sharing a database), and what this server's tracker and engine have in hand.
 */
import client from 'prom-client';
import { TASK_STATUSES } from '@/shared/status';
import type { Engine } from '@/server/engine/engine';
import type { Store } from '@/server/store/store';
import type { TrackerLoad } from '@/server/tracker/tracker';

/** The three calls that leave for the engine; the image handover is the person's own link. */
export type UpstreamOperation = 'submit' | 'poll' | 'download';

/* From a quick poll on loopback to a slow relay; downloads of whole videos reach minutes. */
const CALL_SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export interface MetricSources {
  store: Store;
  engine: Engine;
  trackerLoad(): TrackerLoad;
}

export class Metrics {
  readonly registry = new client.Registry();
  private readonly calls: client.Counter<'engine' | 'operation' | 'outcome'>;
  private readonly latency: client.Histogram<'engine' | 'operation'>;
  private sources: MetricSources | null = null;

  constructor(serverId: string) {
    this.registry.setDefaultLabels({ server: serverId });
    const registers = [this.registry];
    this.calls = new client.Counter({
      name: 'hailuo_upstream_calls_total',
      help: 'Calls to the engine (API in One, or the local preview engine) by operation and outcome: ok, or the error code.',
      labelNames: ['engine', 'operation', 'outcome'],
      registers,
    });
    this.latency = new client.Histogram({
      name: 'hailuo_upstream_call_duration_seconds',
      help: 'How long calls to the engine took, answered or not.',
      labelNames: ['engine', 'operation'],
      buckets: CALL_SECONDS_BUCKETS,
      registers,
    });
    this.defineReadAtScrape(registers);
    client.collectDefaultMetrics({ register: this.registry });
  }

  /** Where the figures read at each scrape come from, once the services exist. */
  observe(sources: MetricSources): void {
    this.sources = sources;
  }

  recordCall(engine: string, operation: UpstreamOperation, outcome: string, seconds: number): void {
    this.calls.inc({ engine, operation, outcome });
    this.latency.observe({ engine, operation }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private defineReadAtScrape(registers: client.Registry[]): void {
    const sources = () => this.sources;
    new client.Gauge({
      name: 'hailuo_tasks',
      help: 'Tasks by status, in the whole store (every server sharing the database).',
      labelNames: ['status'],
      registers,
      async collect() {
        const from = sources();
        if (!from) return;
        const { counts } = await from.store.tasks.countByStatus({});
        for (const status of TASK_STATUSES) this.set({ status }, counts[status] ?? 0);
      },
    });
    new client.Gauge({
      name: 'hailuo_tracker_lag_seconds',
      help: 'How long the oldest task due for a step, and free to claim, has waited past its time (0 when none waits).',
      registers,
      async collect() {
        const from = sources();
        if (!from) return;
        const due = await from.store.leases.nextDueAt();
        this.set(due === null ? 0 : Math.max(0, Date.now() - due) / 1000);
      },
    });
    new client.Gauge({
      name: 'hailuo_tracker_steps',
      help: "Steps this server's tracker is running now, by kind (submits and polls are bounded apart).",
      labelNames: ['kind'],
      registers,
      collect() {
        const load = sources()?.trackerLoad();
        if (!load) return;
        this.set({ kind: 'submit' }, load.submits);
        this.set({ kind: 'poll' }, load.polls);
      },
    });
    new client.Gauge({
      name: 'hailuo_result_downloads',
      help: 'Finished videos being copied in on this server, and those waiting for a turn.',
      labelNames: ['state'],
      registers,
      collect() {
        const load = sources()?.trackerLoad();
        if (!load) return;
        this.set({ state: 'running' }, load.downloadsRunning);
        this.set({ state: 'waiting' }, load.downloadsQueued);
      },
    });
    new client.Gauge({
      name: 'hailuo_render_queue_depth',
      help: 'Local preview renders waiting for a turn on this server (0 with API in One).',
      registers,
      collect() {
        this.set(sources()?.engine.renderQueue?.().waiting ?? 0);
      },
    });
    new client.Gauge({
      name: 'hailuo_renders_running',
      help: 'Local preview renders running on this server.',
      registers,
      collect() {
        this.set(sources()?.engine.renderQueue?.().running ?? 0);
      },
    });
  }
}
