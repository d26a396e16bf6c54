/**
 * The one naming rule between a task record and what leaves it: the SQLite columns and the API's
 * JSON both spell a field `price_credits` where the record says `priceCredits`. Fields that keep
 * their value as they are go through here, so each mapping lists names once instead of pairs.
 */

/** `priceCredits` → `price_credits`, as a type. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** The fields `K` of `T` under their snake_case names. */
export type SnakeCased<T, K extends keyof T & string> = { [P in K as SnakeCase<P>]: T[P] };

const names = new Map<string, string>();

function snakeCase(name: string): string {
  let snake = names.get(name);
  if (snake === undefined) {
    snake = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    names.set(name, snake);
  }
  return snake;
}

/** Copies `keys` of `record` under their snake_case names, in the order given (the order of the JSON). */
export function snakeCased<T, K extends keyof T & string>(record: T, keys: readonly K[]): SnakeCased<T, K> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[snakeCase(key)] = record[key];
  return out as SnakeCased<T, K>;
}

/** The way back: reads `keys` of `T` from a snake_case row. */
export function fromSnakeCased<T, K extends keyof T & string>(row: SnakeCased<T, K>, keys: readonly K[]): Pick<T, K> {
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = source[snakeCase(key)];
  return out as Pick<T, K>;
}
