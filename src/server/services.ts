/**
 * Everything behind the routes, built from the configuration: store, media, engine, tracker,
 * callback sender. `main.ts` and the tests build the server the same way.
 */
import { randomBytes } from 'node:crypto';
import { LOCAL_STARTING_CREDITS } from '@/shared/limits';
import { openAccess, type Access } from './access/access';
import type { Config } from './config/config';
import { createEngine } from './engine/create-engine';
import type { Engine } from './engine/engine';
import type { HandoffSources } from './images/hand-off-image';
import type { ImageSources } from './images/read-image';
import { createLogger, type Logger } from './logger';
import { mediaUrlPath, type MediaStorage } from './media/media-storage';
import { openMedia } from './media/open-media';
import { linkAddressPolicy, type AddressPolicy } from './config/security-config';
import { newId } from './store/new-id';
import { openStore } from './store/open-store';
import type { Store } from './store/store';
import { Tracker } from './tracker/tracker';
import { lockDataDir, type DataDirLock } from './data-dir/data-dir-lock';
import { openScratchDir } from './data-dir/scratch-dir';
import { sweepOrphanUploads } from './images/sweep-orphan-uploads';
import { CallbackSender } from './callbacks/callback-sender';
import { meteredEngine } from './metrics/metered-engine';
import { Metrics } from './metrics/metrics';
import { WorkQueue } from './engine/local/work-queue';
import { MontageWorker } from './montages/montage-worker';

export interface Services {
  config: Config;
  /** This process among the servers sharing a database: the owner of its task leases, and a name in its logs. */
  serverId: string;
  store: Store;
  media: MediaStorage;
  engine: Engine;
  tracker: Tracker;
  callbacks: CallbackSender;
  /** Renders montages (issue 21) in the same queue of encodes as the local engine. */
  montages: MontageWorker;
  images: ImageSources;
  /** Who may use the server: API keys, dashboard sessions. */
  access: Access;
  /** Which resolved addresses user links (images, callbacks) may reach. */
  isAllowedAddress: AddressPolicy;
  log: Logger;
  /** What GET /metrics shows. */
  metrics: Metrics;
  /** The secret path segment of our upstream webhook, random per DATA_DIR. */
  webhookSecret: string;
  /** Where the server listens, once it does (for links in callbacks when PUBLIC_BASE_URL is unset). */
  setListenOrigin(origin: string): void;
  origin(): string;
  start(): Promise<void>;
  /** Stops the loops, lets in-flight writes finish, closes the database, frees DATA_DIR. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Which resolved addresses user links (images, callbacks) may reach; public ones by default. */
  isAllowedAddress?: (address: string) => boolean;
  log?: Logger;
}

export const WEBHOOK_PATH = '/api/v1/webhooks/apiinone';

export async function openServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  // Before anything in DATA_DIR is read or changed: a second server on the folder stops here,
  // having touched nothing (DataDirInUseError).
  const lock = lockDataDir(config.dataDir);
  try {
    return await openHeld(config, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openHeld(config: Config, options: ServiceOptions, lock: DataDirLock): Promise<Services> {
  const serverId = newId('srv');
  const secrets = config.apiKey ? [config.apiKey] : [];
  const log = options.log ?? createLogger(config.logLevel, { serverId, secrets });
  const store = await openStore(config);
  // What earlier processes left: they are gone, since this one holds the lock they held.
  const scratch = openScratchDir(config.dataDir, lock.holderId);
  const media = openMedia(config, scratch.path);
  const swept = {
    partFiles: await media.sweepPartials(),
    orphanUploads: await sweepOrphanUploads(media, store.uploads),
    scratchDirs: scratch.swept,
  };
  if (swept.partFiles + swept.orphanUploads + swept.scratchDirs > 0)
    log.info('swept what earlier processes left', swept);
  const webhookSecret = await store.settings.getOrCreate('webhook_secret', () => randomBytes(24).toString('base64url'));
  if (!config.apiKey) await store.ledger.grantOnce('grant:local-start', LOCAL_STARTING_CREDITS, Date.now());
  const isAllowedAddress = options.isAllowedAddress ?? linkAddressPolicy(config.security);
  const access = await openAccess(config, store.access);
  // `origin` is defined below; ownOrigins is only called once the server runs.
  const images: HandoffSources = {
    uploads: store.uploads,
    media,
    isAllowedAddress,
    ownOrigins: () => [origin()],
    publicUrlOf: (relativePath) => access.shareableUrl(`${origin()}${mediaUrlPath(relativePath)}`, relativePath),
  };
  // The upstream can only call us back at a public address.
  const webhookUrl = config.publicBaseUrl ? `${config.publicBaseUrl}${WEBHOOK_PATH}/${webhookSecret}` : null;
  // One queue for every encode this process runs (previews and montages): two at once keep a 2-core machine responsive.
  const encodes = new WorkQueue(2);
  const engine = createEngine(config, { images, webhookUrl, workDir: scratch.path, encodes });
  // A montage is held under the same lease as a task: a server that died hands it on as soon.
  const montages = new MontageWorker({
    serverId,
    store,
    media,
    encodes,
    workDir: scratch.path,
    log,
    leaseMs: config.taskLeaseMs,
  });
  let listenOrigin = `http://${config.host}:${config.port}`;
  const origin = () => config.publicBaseUrl ?? listenOrigin;
  const callbacks = new CallbackSender({
    store,
    log,
    secrets,
    origin,
    typicalDurationMs: engine.typicalDurationMs,
    isAllowedAddress,
  });
  const metrics = new Metrics(serverId);
  const tracker = new Tracker({
    serverId,
    store,
    engine: meteredEngine(engine, metrics),
    media,
    log,
    secrets,
    deadlineMs: config.taskDeadlineMs,
    leaseMs: config.taskLeaseMs,
    onTaskEnded: () => callbacks.wake(),
  });
  metrics.observe({ store, engine, trackerLoad: () => tracker.load });
  return {
    config,
    serverId,
    store,
    media,
    engine,
    tracker,
    callbacks,
    montages,
    images,
    access,
    isAllowedAddress,
    log,
    metrics,
    webhookSecret,
    setListenOrigin: (value) => {
      listenOrigin = value;
      lock.noteOrigin(value);
    },
    origin,
    start: async () => {
      await tracker.start();
      callbacks.start();
      montages.start();
    },
    stop: async () => {
      await tracker.stop();
      await callbacks.stop();
      await montages.stop();
      await engine.close();
      await store.close();
      media.close();
      scratch.remove();
      lock.release();
    },
  };
}
