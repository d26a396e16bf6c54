import type { UploadRecord, UploadsStore } from '../uploads-store';
import type { StatementCache } from './statement-cache';

interface UploadRow {
  id: string;
  file_name: string;
  url: string;
  width: number;
  height: number;
  content_type: UploadRecord['contentType'];
  bytes: number;
  created_at: number;
}

function toUpload(row: UploadRow | undefined): UploadRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.file_name,
    url: row.url,
    width: row.width,
    height: row.height,
    contentType: row.content_type,
    bytes: row.bytes,
    createdAt: row.created_at,
  };
}

export class SqliteUploadsStore implements UploadsStore {
  constructor(private readonly statements: StatementCache) {}

  async insert(upload: UploadRecord): Promise<void> {
    this.statements
      .get(
        `INSERT INTO uploads (id, file_name, url, width, height, content_type, bytes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
    return toUpload(this.statements.get('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined);
  }

  async getByFileName(fileName: string): Promise<UploadRecord | null> {
    return toUpload(
      this.statements.get('SELECT * FROM uploads WHERE file_name = ?').get(fileName) as UploadRow | undefined,
    );
  }
}
