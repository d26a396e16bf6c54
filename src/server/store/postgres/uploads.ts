import type { UploadRecord, UploadsStore } from '../uploads-store';
import type { PgDatabase } from './pg-database';
import { insertSql, POSTGRES } from '../sql-dialect';
import { toUpload, uploadRow, type UploadRow } from '../upload-row';

export class PgUploadsStore implements UploadsStore {
  constructor(private readonly db: PgDatabase) {}

  async insert(upload: UploadRecord): Promise<void> {
    const { text, values } = insertSql('uploads', [uploadRow(upload)], POSTGRES);
    await this.db.write(text, values);
  }

  async get(id: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.row<UploadRow>('SELECT * FROM uploads WHERE id = $1', [id]));
  }

  async getByFileName(fileName: string): Promise<UploadRecord | null> {
    return toUpload(await this.db.row<UploadRow>('SELECT * FROM uploads WHERE file_name = $1', [fileName]));
  }
}
