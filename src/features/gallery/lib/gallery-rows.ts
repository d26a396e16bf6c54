/** The gallery's rows as its grid lays them out, so only the rows near the viewport need to exist. */
import type { GalleryGroup } from './group-by-batch';

export interface GalleryRow {
  /** Stable while the row holds the same first task or batch (sizes are remembered by it). */
  key: string;
  groups: GalleryGroup[];
}

/**
 * A batch takes a row of its own (it spans the grid); single cards fill rows of `columns`, as
 * CSS grid's auto-placement would put them.
 */
export function toRows(groups: readonly GalleryGroup[], columns: number): GalleryRow[] {
  const rows: GalleryRow[] = [];
  let open: GalleryRow | null = null;
  for (const group of groups) {
    if (group.batchId !== null) {
      rows.push({ key: `batch:${group.batchId}`, groups: [group] });
      open = null;
      continue;
    }
    if (!open || open.groups.length >= columns) {
      open = { key: group.tasks[0].task_id, groups: [] };
      rows.push(open);
    }
    open.groups.push(group);
  }
  return rows;
}
