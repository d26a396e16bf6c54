import { toUpload, type UploadRow } from '../upload-row';
import type { UploadRecord, UploadsStore } from '../uploads-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteUploadsStore implements UploadsStore {
  constructor(private readonly db: SqliteDatabase) {}

  async insert(upload: UploadRecord): Promise<void> {
    await this.db.write(
      `INSERT INTO uploads (id, file_name, url, width, height, content_type, bytes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      upload.id,
      upload.fileName,
      upload.url,
      upload.width,
      upload.height,
      upload.contentType,
      upload.bytes,
      upload.createdAt,
    );
  }

  async get(id: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.get<UploadRow>('SELECT * FROM uploads WHERE id = ?', id));
  }

  async getByFileName(fileName: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.get<UploadRow>('SELECT * FROM uploads WHERE file_name = ?', fileName));
  }
}
