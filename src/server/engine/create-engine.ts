/** Picks the engine from the configuration: API in One when a key is set, else the local preview engine. */
import path from 'node:path';
import { ApiInOneEngine } from './api-in-one/api-in-one-engine';
import type { Config } from '@/server/config/config';
import type { Engine } from './engine';
import type { ImageSources } from '@/server/images/read-image';
import { LocalEngine } from './local/local-engine';
import { ApiInOneClient } from './api-in-one/api-in-one-client';

export function createEngine(config: Config, images: ImageSources, webhookUrl: string | null): Engine {
  if (config.apiKey) {
    const client = new ApiInOneClient({
      baseUrl: config.apiBaseUrl,
      apiKey: config.apiKey,
      timeoutMs: config.upstreamTimeouts.callMs,
      downloadTimeoutMs: config.upstreamTimeouts.downloadMs,
    });
    return new ApiInOneEngine(client, { webhookUrl, resultGraceMs: config.upstreamTimeouts.resultGraceMs });
  }
  return new LocalEngine({
    workDir: path.join(config.dataDir, 'local-engine'),
    delayMs: config.localEngine.delayMs,
    failureRate: config.localEngine.failureRate,
    images,
  });
}
