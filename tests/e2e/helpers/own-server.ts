/** A server of the spec's own, on a fresh data dir: started before its tests, stopped and removed after. */
import { test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerProcess } from '../../support/server-process';

export function useOwnServer(env: Record<string, string>): { readonly url: string } {
  let server: ServerProcess | null = null;
  test.beforeAll(async () => {
    server = await startServer({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-own-')), ...env });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error('The server starts in beforeAll; read its url inside a test.');
      return server.url;
    },
  };
}
