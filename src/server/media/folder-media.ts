/**
 * Media in a folder, DATA_DIR/media/{uploads,videos,posters}: the embedded default. A file is
 * staged beside its final name (`….part-<random>`, same disk) and renamed into place, so a crash
 * never leaves half a file under a real name; `sweepPartials` removes what a killed process left.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ensureRoom } from './free-space';
import {
  MEDIA_KINDS,
  MediaMissingError,
  parseMediaPath,
  type MediaFile,
  type MediaHealth,
  type MediaKind,
  type MediaObject,
  type MediaStorage,
  type StoredName,
} from './media-storage';

const WHAT: Record<MediaKind, string> = { uploads: 'the image', videos: 'the finished video', posters: 'the poster' };

export class FolderMedia implements MediaStorage {
  readonly storage = 'folder' as const;
  readonly stagingDir: string;

  constructor(dataDir: string) {
    this.stagingDir = path.join(dataDir, 'media');
    for (const kind of MEDIA_KINDS) fs.mkdirSync(path.join(this.stagingDir, kind), { recursive: true });
  }

  private pathOf(file: MediaFile): string {
    return path.join(this.stagingDir, file.kind, `${file.stem}.${file.extension}`);
  }

  stagingPath(target: MediaFile): string {
    return `${this.pathOf(target)}.part-${randomBytes(6).toString('hex')}`;
  }

  async place(target: MediaFile, stagedPath: string): Promise<void> {
    try {
      await fs.promises.rename(stagedPath, this.pathOf(target));
    } finally {
      await fs.promises.rm(stagedPath, { force: true });
    }
  }

  async write(target: MediaFile, bytes: Buffer): Promise<void> {
    await ensureRoom(this.stagingDir, bytes.length, WHAT[target.kind]);
    const part = this.stagingPath(target);
    try {
      await fs.promises.writeFile(part, bytes);
      await this.place(target, part);
    } finally {
      await fs.promises.rm(part, { force: true });
    }
  }

  async stat(target: MediaFile): Promise<MediaObject | null> {
    const stat = await fs.promises.stat(this.pathOf(target)).catch(() => null);
    if (!stat?.isFile()) return null;
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    return { size: stat.size, modifiedAt: stat.mtime, etag };
  }

  async read(target: MediaFile, range?: { start: number; end: number }): Promise<Readable> {
    const handle = await fs.promises.open(this.pathOf(target), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new MediaMissingError(target.relativePath) : error;
    });
    return handle.createReadStream({ start: range?.start, end: range?.end, highWaterMark: 256 * 1024 });
  }

  async readAll(target: MediaFile): Promise<Buffer | null> {
    try {
      return await fs.promises.readFile(this.pathOf(target));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(target: MediaFile): Promise<void> {
    await fs.promises.rm(this.pathOf(target), { force: true });
  }

  async list(kind: MediaKind, limit: number): Promise<StoredName[]> {
    const dir = path.join(this.stagingDir, kind);
    const names = (await fs.promises.readdir(dir)).filter((name) => parseMediaPath(`${kind}/${name}`)).sort();
    const listed: StoredName[] = [];
    for (const name of names.slice(0, limit)) {
      const stat = await fs.promises.stat(path.join(dir, name)).catch(() => null);
      if (stat?.isFile()) listed.push({ name, modifiedAt: stat.mtimeMs });
    }
    return listed;
  }

  async sweepPartials(): Promise<number> {
    let removed = 0;
    for (const kind of MEDIA_KINDS) {
      const dir = path.join(this.stagingDir, kind);
      for (const name of await fs.promises.readdir(dir)) {
        if (!name.includes('.part')) continue;
        await fs.promises.rm(path.join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  async health(): Promise<MediaHealth> {
    return { storage: 'folder', reachable: true };
  }

  close(): void {}
}
