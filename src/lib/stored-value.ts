/**
 * What the page remembers in localStorage (a dismissed notice, a form's draft). Storage can be
 * blocked or full (private modes, policies, quota): then nothing is remembered and nothing breaks.
 */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key`, or forgets the key for null; false when the browser refused. */
export function writeStored(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
