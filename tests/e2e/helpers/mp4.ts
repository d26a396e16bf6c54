import fs from 'node:fs/promises';

/** The major brand of an MP4's leading `ftyp` box (e.g. "isom"), or null when the file is not an MP4. */
export async function readFtypBrand(file: string): Promise<string | null> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    return head.toString('latin1', 4, 8) === 'ftyp' ? head.toString('latin1', 8, 12) : null;
  } finally {
    await handle.close();
  }
}
