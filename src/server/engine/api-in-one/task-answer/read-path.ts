/**
 * Reads a value at a dotted path such as `data.works[0].resource.resource` from parsed JSON,
 * the way relays really answer: a key spelled `task_id`, `taskId` or `TaskID` is one key, and a
 * string that holds JSON (kie's `resultJson: "{\"resultUrls\":[…]}"`) is stepped into.
 */

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

/* A JSON string inside an answer is a few kilobytes at most; anything larger is not stepped into. */
const MAX_EMBEDDED_JSON_CHARS = 256 * 1024;

/** The key as compared when the exact spelling is missing: case and separators do not count. */
export function looseKey(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

/** The parsed value of a string that holds a JSON object or array, else the value itself. */
function unwrapJsonString(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > MAX_EMBEDDED_JSON_CHARS) return value;
  const text = value.trim();
  if (!(text.startsWith('{') && text.endsWith('}')) && !(text.startsWith('[') && text.endsWith(']'))) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

function childOf(node: Record<string, unknown>, step: string): unknown {
  if (Object.hasOwn(node, step)) return node[step];
  const wanted = looseKey(step);
  const key = Object.keys(node).find((candidate) => looseKey(candidate) === wanted);
  return key === undefined ? undefined : node[key];
}

export function readPath(value: unknown, path: string): unknown {
  let steps = parsedPaths.get(path);
  if (!steps) {
    steps = parsePath(path);
    parsedPaths.set(path, steps);
  }
  let node = value;
  for (const step of steps) {
    node = unwrapJsonString(node);
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[step];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
      node = childOf(node as Record<string, unknown>, step);
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
    const accepted = accept(unwrapJsonString(found));
    if (accepted !== null) return { path, value: accepted };
  }
  return null;
}
