/**
 * `npm run keys -- create <name> | revoke <id> | list`: issues and revokes the API keys clients
 * send as `Authorization: Bearer aio_…`. Uses the server's settings (DATA_DIR or DATABASE_URL,
 * AUTH_PEPPER), opens only the keys and sessions (not the task database), and works while the
 * server runs: a revoked key is refused from the next request on.
 */
import { openAccess, type Access } from '@/server/access/access';
import type { ApiKeyInfo } from '@/server/access/api-keys';
import { readConfig } from '@/server/config/config';
import { openAccessStore } from '@/server/store/open-store';

const USAGE = `Usage:
  npm run keys -- create <name>   make a key (shown once) for a client called <name>
  npm run keys -- revoke <id>     revoke a key by its id (key_…)
  npm run keys -- list            list keys: id, name, created, status`;

function describe(info: ApiKeyInfo): string {
  const status = info.revokedAt ? `revoked ${new Date(info.revokedAt).toISOString()}` : 'active';
  return `${info.id}  ${info.name}  created ${new Date(info.createdAt).toISOString()}  ${status}`;
}

/** Runs one command; resolves with the exit code. */
export async function runKeysCommand(
  access: Access,
  args: readonly string[],
  out = console.log,
  err = console.error,
): Promise<number> {
  const [command, ...rest] = args;
  const argument = rest.join(' ').trim();
  if (command === 'create' && argument) {
    const { key, info } = await access.keys.create(argument);
    out(key);
    err(`Created ${info.id} "${info.name}". The key above is shown only now: store it where the client keeps secrets.`);
    return 0;
  }
  if (command === 'revoke' && argument) {
    if (await access.keys.revoke(argument)) {
      err(`Revoked ${argument}.`);
      return 0;
    }
    err(`No active key with id ${argument}. See \`npm run keys -- list\`.`);
    return 1;
  }
  if (command === 'list' && !argument) {
    const keys = await access.keys.list();
    if (!keys.length) err('No keys yet. Make one with `npm run keys -- create <name>`.');
    for (const info of keys) out(describe(info));
    return 0;
  }
  err(USAGE);
  return 2;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const config = readConfig();
  const store = await openAccessStore(config);
  try {
    process.exitCode = await runKeysCommand(await openAccess(config, store.access), process.argv.slice(2));
  } finally {
    await store.close();
  }
}
