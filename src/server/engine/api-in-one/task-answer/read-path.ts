/** Reads a value at a dotted path such as `data.works[0].resource.resource` from parsed JSON. */

function parsePath(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`Bad path step "${part}" in "${path}"`);
    if (match[1]) steps.push(match[1]);
    for (const index of match[2]?.matchAll(/\[(\d+)\]/g) ?? []) steps.push(Number(index[1]));
  }
  return steps;
}

const parsedPaths = new Map<string, Array<string | number>>();

export function readPath(value: unknown, path: string): unknown {
  let steps = parsedPaths.get(path);
  if (!steps) {
    steps = parsePath(path);
    parsedPaths.set(path, steps);
  }
  let node = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[step];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
      if (!Object.hasOwn(node, step)) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
  }
  return node;
}

/** The first path whose value `accept` turns into something, and that something. */
export function readFirst<T>(
  value: unknown,
  paths: readonly string[],
  accept: (found: unknown) => T | null,
): { path: string; value: T } | null {
  for (const path of paths) {
    const found = readPath(value, path);
    if (found === undefined || found === null) continue;
    const accepted = accept(found);
    if (accepted !== null) return { path, value: accepted };
  }
  return null;
}
