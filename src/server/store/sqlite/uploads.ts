import { insertSql, SQLITE } from '../sql-dialect';
import { toUpload, uploadRow, type UploadRow } from '../upload-row';
import type { UploadRecord, UploadsStore } from '../uploads-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteUploadsStore implements UploadsStore {
  constructor(private readonly db: SqliteDatabase) {}

  async insert(upload: UploadRecord): Promise<void> {
    const { text, values } = insertSql('uploads', [uploadRow(upload)], SQLITE);
    await this.db.write(text, ...values);
  }

  async get(id: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.get<UploadRow>('SELECT * FROM uploads WHERE id = ?', id));
  }

  async getByFileName(fileName: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.get<UploadRow>('SELECT * FROM uploads WHERE file_name = ?', fileName));
  }
}
