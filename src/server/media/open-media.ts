/** Picks where media lives from the configuration: the bucket when S3_BUCKET is set, else DATA_DIR/media. */
import type { Config } from '@/server/config/config';
import { FolderMedia } from './folder-media';
import type { MediaStorage } from './media-storage';
import { S3Media } from './s3-media';

export function openMedia(config: Pick<Config, 'dataDir' | 's3'>, scratchDir: string): MediaStorage {
  return config.s3 ? new S3Media(config.s3, scratchDir) : new FolderMedia(config.dataDir);
}
