import type { UploadRecord, UploadsStore } from '../uploads-store';
import type { PgDatabase } from './pg-database';
import { toUpload, type UploadRow } from '../upload-row';

export class PgUploadsStore implements UploadsStore {
  constructor(private readonly db: PgDatabase) {}

  async insert(upload: UploadRecord): Promise<void> {
    await this.db.write(
      `INSERT INTO uploads (id, file_name, url, width, height, content_type, bytes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        upload.id,
        upload.fileName,
        upload.url,
        upload.width,
        upload.height,
        upload.contentType,
        upload.bytes,
        upload.createdAt,
      ],
    );
  }

  async get(id: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.row<UploadRow>('SELECT * FROM uploads WHERE id = $1', [id]));
  }

  async getByFileName(fileName: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.row<UploadRow>('SELECT * FROM uploads WHERE file_name = $1', [fileName]));
  }
}
