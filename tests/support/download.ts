import fs from 'node:fs';
import path from 'node:path';
import type { Api } from './api';

/** Fetches a URL into a file in `dir` (to ffprobe what a client really receives). */
export async function downloadTo(
  api: Api,
  url: string,
  dir: string,
  name: string,
): Promise<{ file: string; response: Response }> {
  const response = await api.fetch(url);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, response };
}
