/** Every file under a folder with its size and modification time: two equal trees mean nothing was written. */
import fs from 'node:fs';
import path from 'node:path';

export function fileTree(root: string, ignoreTimeOf: (relativePath: string) => boolean = () => false) {
  const tree: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full);
      if (entry.isDirectory()) {
        tree[`${relative}/`] = 'dir';
        walk(full);
        continue;
      }
      const stat = fs.statSync(full);
      tree[relative] = ignoreTimeOf(relative) ? `${stat.size}` : `${stat.size} ${stat.mtimeMs}`;
    }
  };
  walk(root);
  return tree;
}
