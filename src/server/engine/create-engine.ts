/** Picks the engine from the configuration: API in One when a key is set, else the local preview engine. */
import { ApiInOneEngine } from './api-in-one/api-in-one-engine';
import type { Config } from '@/server/config/config';
import type { Engine } from './engine';
import { ImageHandoff, type HandoffSources } from '@/server/images/hand-off-image';
import { LocalEngine } from './local/local-engine';
import type { WorkQueue } from './local/work-queue';
import { ApiInOneClient } from './api-in-one/api-in-one-client';

export interface EngineWiring {
  /** Where the engine reads reference images and, for API in One, puts the copies it hands over. */
  images: HandoffSources;
  /** Our webhook for API in One; null when this server is not publicly reachable. */
  webhookUrl: string | null;
  /** This process's scratch folder, for the local engine's renders. */
  workDir: string;
  /** The process's one queue of encodes: the local engine's renders wait in it beside montages. */
  encodes: WorkQueue;
}

export function createEngine(config: Config, { images, webhookUrl, workDir, encodes }: EngineWiring): Engine {
  if (config.apiKey) {
    const client = new ApiInOneClient({
      baseUrl: config.apiBaseUrl,
      apiKey: config.apiKey,
      timeoutMs: config.upstreamTimeouts.callMs,
      downloadTimeoutMs: config.upstreamTimeouts.downloadMs,
    });
    return new ApiInOneEngine(client, {
      webhookUrl,
      images: new ImageHandoff(images),
      resultGraceMs: config.upstreamTimeouts.resultGraceMs,
    });
  }
  // Nothing leaves the machine: the preview engine reads any accepted image (JPEG, PNG, WebP up to 20 MB) itself.
  return new LocalEngine({
    workDir,
    delayMs: config.localEngine.delayMs,
    failureRate: config.localEngine.failureRate,
    images,
    queue: encodes,
  });
}
