/**
 * Makes upstream data safe to keep and show to support: the API key (and anything that looks
 * like one) never reaches the store, a log line or an error message.
 */
export const REDACTED = '[redacted]';

/* API in One keys look like `aio_…`; any such token in an answer is a key, ours or someone's. */
const KEY_LIKE = /aio_[A-Za-z0-9_-]{6,}/g;
const AUTH_SCHEME_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/* Field names (compared lower-case, separators removed) whose values are credentials. */
const SECRET_FIELDS = new Set([
  'authorization',
  'proxyauthorization',
  'apikey',
  'xapikey',
  'apitoken',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'sessiontoken',
  'secret',
  'clientsecret',
  'password',
]);

/* Deeper than any real answer; stops a hostile or cyclic structure from recursing forever. */
const MAX_DEPTH = 64;

/** The raw answer kept on a task or an error is capped so a huge page cannot bloat the store. */
export const MAX_RAW_CHARS = 64_000;

function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase().replace(/[\s_-]/g, ''));
}

/* Secrets shorter than this would redact ordinary words; real keys are far longer. */
const MIN_SECRET_LENGTH = 6;

function secretSpellings(secrets: readonly string[]): string[] {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    spellings.add(secret);
    spellings.add(encodeURIComponent(secret));
  }
  // Longest first, so a key is not half-replaced by a shorter secret it contains.
  return [...spellings].sort((a, b) => b.length - a.length);
}

/** Replaces every secret and key-like token in a piece of text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secretSpellings(secrets)) out = out.split(secret).join(REDACTED);
  return out.replace(KEY_LIKE, REDACTED).replace(AUTH_SCHEME_VALUE, `$1 ${REDACTED}`);
}

/** A deep copy of JSON-like data with secrets, key-like tokens and credential fields replaced. */
export function redactSecrets(value: unknown, secrets: readonly string[]): unknown {
  const seen = new WeakSet<object>();
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return redactText(node, secrets);
    if (node === null || typeof node === 'number' || typeof node === 'boolean') return node;
    if (typeof node === 'bigint') return node.toString();
    if (typeof node !== 'object') return undefined;
    if (seen.has(node)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    seen.add(node);
    try {
      if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
      const copy: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(node)) {
        const hidden = isSecretField(name) && item !== null && item !== '' && item !== undefined;
        copy[redactText(name, secrets)] = hidden ? REDACTED : visit(item, depth + 1);
      }
      return copy;
    } finally {
      seen.delete(node);
    }
  };
  return visit(value, 0);
}

/**
 * What is stored as "the raw answer": redacted, and when too large, a truncated string of it
 * (support needs to see what came back, not every byte of a 5 MB error page).
 */
export function rawForSupport(value: unknown, secrets: readonly string[]): unknown {
  const redacted = redactSecrets(value, secrets);
  const text = typeof redacted === 'string' ? redacted : JSON.stringify(redacted);
  if (text === undefined || text.length <= MAX_RAW_CHARS) return redacted;
  return `${text.slice(0, MAX_RAW_CHARS)}… [truncated, ${text.length} characters in all]`;
}
