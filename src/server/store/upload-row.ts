/** The uploads table's row (the same columns in SQLite and PostgreSQL) and its mapping to an UploadRecord. */
import type { UploadRecord } from './uploads-store';

export interface UploadRow {
  id: string;
  file_name: string;
  original_name: string | null;
  url: string;
  width: number;
  height: number;
  content_type: UploadRecord['contentType'];
  bytes: number;
  created_at: number;
}

export function uploadRow(upload: UploadRecord): UploadRow {
  return {
    id: upload.id,
    file_name: upload.fileName,
    original_name: upload.originalName,
    url: upload.url,
    width: upload.width,
    height: upload.height,
    content_type: upload.contentType,
    bytes: upload.bytes,
    created_at: upload.createdAt,
  };
}

export function toUpload(row: UploadRow | undefined): UploadRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.file_name,
    originalName: row.original_name ?? null,
    url: row.url,
    width: row.width,
    height: row.height,
    contentType: row.content_type,
    bytes: row.bytes,
    createdAt: row.created_at,
  };
}
