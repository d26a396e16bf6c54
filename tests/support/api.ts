/**
 * Where a test sends its requests: a server in this process (app.request), on a socket, or in a
 * process of its own. `fetch` takes a path (resolved against `url`) or a full URL, such as a
 * link the server handed out.
 */
export interface Api {
  /** The origin the server is reached at, and builds its links on. */
  url: string;
  fetch(input: string, init?: RequestInit): Promise<Response>;
}
