/** Picks the engine from the configuration: API in One when a key is set, else the local preview engine. */
import path from 'node:path';
import { ApiInOneEngine } from './apiinone-engine';
import type { Config } from './config';
import type { Engine } from './engine';
import type { ImageSources } from './images/read-image';
import { LocalEngine } from './local-engine/local-engine';
import { ApiInOneClient } from './upstream/api-in-one-client';

export function createEngine(config: Config, images: ImageSources, webhookUrl: string | null): Engine {
  if (config.apiKey) {
    const client = new ApiInOneClient({
      baseUrl: config.apiBaseUrl,
      apiKey: config.apiKey,
      timeoutMs: config.upstreamTimeouts.callMs,
      downloadTimeoutMs: config.upstreamTimeouts.downloadMs,
    });
    return new ApiInOneEngine(client, { webhookUrl });
  }
  return new LocalEngine({
    workDir: path.join(config.dataDir, 'local-engine'),
    delayMs: config.localEngine.delayMs,
    failureRate: config.localEngine.failureRate,
    images,
  });
}
