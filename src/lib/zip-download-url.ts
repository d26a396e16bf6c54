/** The address of a ZIP of finished videos with its manifest: a whole batch, or a selection of tasks. */
export function zipDownloadUrl(what: { batchId: string } | { taskIds: readonly string[] }): string {
  if ('batchId' in what) return `/api/v1/downloads.zip?batch_id=${encodeURIComponent(what.batchId)}`;
  return `/api/v1/downloads.zip?ids=${what.taskIds.map(encodeURIComponent).join(',')}`;
}
