/** Picks the engine from the configuration: API in One when a key is set, else the local preview engine. */
import { ApiInOneEngine } from './api-in-one/api-in-one-engine';
import type { Config } from '@/server/config/config';
import type { Engine } from './engine';
import type { ImageSources } from '@/server/images/read-image';
import { LocalEngine } from './local/local-engine';
import { ApiInOneClient } from './api-in-one/api-in-one-client';

/** `workDir`: this process's scratch folder, for the local engine's renders. */
export function createEngine(config: Config, images: ImageSources, webhookUrl: string | null, workDir: string): Engine {
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
    workDir,
    delayMs: config.localEngine.delayMs,
    failureRate: config.localEngine.failureRate,
    images,
  });
}
