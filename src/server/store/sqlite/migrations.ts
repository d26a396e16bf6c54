/**
 * The SQLite schema of the task database, as numbered migrations applied in order (SQLite's
 * `user_version` says which ran). Never edit a shipped migration: add the next one. PostgreSQL
 * has its own list (postgres/migrations.ts) for the same tables; a change here has its twin there.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: tasks and everything that tells their story.
  `
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    engine TEXT NOT NULL,
    status TEXT NOT NULL,
    model TEXT NOT NULL,
    model_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    prompt TEXT NOT NULL,
    image TEXT NOT NULL,
    duration TEXT NOT NULL,
    resolution TEXT NOT NULL,
    price_credits INTEGER NOT NULL,
    charged_credits INTEGER NOT NULL DEFAULT 0,
    callback_url TEXT,
    batch_id TEXT,
    idempotency_key TEXT,
    upstream_task_id TEXT UNIQUE,
    progress REAL NOT NULL DEFAULT 0,
    video_path TEXT,
    poster_path TEXT,
    width INTEGER,
    height INTEGER,
    duration_s REAL,
    error_code TEXT,
    error_message TEXT,
    submit_started_at INTEGER,
    submitted_at INTEGER,
    next_poll_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX tasks_by_created ON tasks (created_at DESC, id DESC);
  CREATE INDEX tasks_by_status ON tasks (status, created_at DESC, id DESC);
  CREATE INDEX tasks_by_model ON tasks (model_id, created_at DESC, id DESC);
  CREATE INDEX tasks_by_batch ON tasks (batch_id, created_at DESC, id DESC) WHERE batch_id IS NOT NULL;

  CREATE TABLE task_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL REFERENCES tasks (id),
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    progress REAL,
    source TEXT NOT NULL,
    message TEXT
  );
  CREATE INDEX task_events_by_task ON task_events (task_id, id);

  CREATE TABLE upstream_exchanges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL REFERENCES tasks (id),
    at INTEGER NOT NULL,
    operation TEXT NOT NULL,
    http_status INTEGER,
    body TEXT,
    error TEXT
  );
  CREATE INDEX upstream_exchanges_by_task ON upstream_exchanges (task_id, id);

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );

  -- task_id is NULL while the first request with the key is still in flight.
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    task_id TEXT REFERENCES tasks (id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at);

  -- entry_key makes every entry happen at most once (charge:<task id>, grant:local-start).
  CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_key TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    credits INTEGER NOT NULL,
    reason TEXT NOT NULL,
    task_id TEXT REFERENCES tasks (id)
  );
  CREATE INDEX ledger_by_task ON ledger (task_id) WHERE task_id IS NOT NULL;

  -- The outbox of calls to users' callback_url: written with the final status, sent by its own loop.
  CREATE TABLE callbacks (
    task_id TEXT PRIMARY KEY REFERENCES tasks (id),
    url TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER,
    last_error TEXT,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX callbacks_due ON callbacks (next_at) WHERE state = 'pending';

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: leases (who works on a task now, until when) and the rate-limit buckets.
  `
  ALTER TABLE tasks ADD COLUMN lease_owner TEXT;
  ALTER TABLE tasks ADD COLUMN lease_token TEXT;
  ALTER TABLE tasks ADD COLUMN lease_until INTEGER;
  CREATE INDEX tasks_due ON tasks (next_poll_at) WHERE status IN ('queued', 'running');

  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX rate_limits_by_updated ON rate_limits (updated_at);
  `,
  // 3: a version on every task row, moved by the database itself on every update (whoever
  // writes, by whatever statement), so a kept answer is checked with one tiny read.
  `
  ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  CREATE TRIGGER tasks_version AFTER UPDATE ON tasks FOR EACH ROW WHEN NEW.version = OLD.version
  BEGIN
    UPDATE tasks SET version = OLD.version + 1 WHERE id = NEW.id;
  END;
  `,
  // 4: prompt search by index (issue 22): an FTS5 table with the trigram tokenizer, which finds
  // any substring of three characters or more, in any case, as LIKE '%…%' did, without reading
  // every prompt. It keeps its own copy of each prompt beside the task's id (a task's rowid may
  // change on VACUUM; its id never does); triggers keep it in step with the tasks.
  `
  CREATE VIRTUAL TABLE tasks_prompt_search USING fts5(prompt, task_id UNINDEXED, tokenize = 'trigram');
  INSERT INTO tasks_prompt_search (prompt, task_id) SELECT prompt, id FROM tasks;
  CREATE TRIGGER tasks_prompt_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_prompt_search (prompt, task_id) VALUES (NEW.prompt, NEW.id);
  END;
  CREATE TRIGGER tasks_prompt_search_update AFTER UPDATE OF prompt, id ON tasks BEGIN
    DELETE FROM tasks_prompt_search WHERE task_id = OLD.id;
    INSERT INTO tasks_prompt_search (prompt, task_id) VALUES (NEW.prompt, NEW.id);
  END;
  CREATE TRIGGER tasks_prompt_search_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM tasks_prompt_search WHERE task_id = OLD.id;
  END;
  `,
  // 5: the photo's own name (on its upload and its tasks), hiding a finished task, and "Retry failed".
  `
  ALTER TABLE uploads ADD COLUMN original_name TEXT;
  ALTER TABLE tasks ADD COLUMN image_name TEXT;
  ALTER TABLE tasks ADD COLUMN hidden_at INTEGER;
  ALTER TABLE tasks ADD COLUMN retry_of TEXT REFERENCES tasks (id);
  -- A failed task is retried at most once, however many clicks or retried requests ask.
  CREATE UNIQUE INDEX tasks_retry_of ON tasks (retry_of) WHERE retry_of IS NOT NULL;
  `,
  // 6: montages (issue 21): finished clips rendered into one video; a lease per render, no credits.
  `
  CREATE TABLE montages (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    progress REAL NOT NULL DEFAULT 0,
    format TEXT NOT NULL,
    clip_count INTEGER NOT NULL,
    spec TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    body_hash TEXT,
    result TEXT,
    error_code TEXT,
    error_message TEXT,
    lease_owner TEXT,
    lease_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX montages_unfinished ON montages (lease_until) WHERE status IN ('queued', 'running');
  `,
  // 7: the task list at a million tasks (issue 22). The counts: tasks per status, model, mode,
  // hidden and error code, kept by triggers so a count reads a few tally rows, not every task
  // (see task-counts.ts); an error code of '' is none, as a primary key cannot hold NULL as one
  // value. The few tasks with an error code, by their index (the attention count). And parts of
  // ids by a trigram index of their own, as prompts are.
  `
  CREATE TABLE task_tallies (
    status TEXT NOT NULL,
    model_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    error_code TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (status, model_id, mode, hidden, error_code)
  ) WITHOUT ROWID;
  INSERT INTO task_tallies
    SELECT status, model_id, mode, hidden_at IS NOT NULL, COALESCE(error_code, ''), COUNT(*) FROM tasks GROUP BY 1, 2, 3, 4, 5;
  CREATE TRIGGER task_tallies_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO task_tallies VALUES (NEW.status, NEW.model_id, NEW.mode, NEW.hidden_at IS NOT NULL, COALESCE(NEW.error_code, ''), 1)
      ON CONFLICT (status, model_id, mode, hidden, error_code) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER task_tallies_update AFTER UPDATE OF status, model_id, mode, hidden_at, error_code ON tasks
  WHEN OLD.status IS NOT NEW.status OR OLD.model_id IS NOT NEW.model_id OR OLD.mode IS NOT NEW.mode
    OR (OLD.hidden_at IS NULL) IS NOT (NEW.hidden_at IS NULL) OR OLD.error_code IS NOT NEW.error_code
  BEGIN
    UPDATE task_tallies SET n = n - 1
      WHERE status = OLD.status AND model_id = OLD.model_id AND mode = OLD.mode
        AND hidden = (OLD.hidden_at IS NOT NULL) AND error_code = COALESCE(OLD.error_code, '');
    INSERT INTO task_tallies VALUES (NEW.status, NEW.model_id, NEW.mode, NEW.hidden_at IS NOT NULL, COALESCE(NEW.error_code, ''), 1)
      ON CONFLICT (status, model_id, mode, hidden, error_code) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER task_tallies_delete AFTER DELETE ON tasks BEGIN
    UPDATE task_tallies SET n = n - 1
      WHERE status = OLD.status AND model_id = OLD.model_id AND mode = OLD.mode
        AND hidden = (OLD.hidden_at IS NOT NULL) AND error_code = COALESCE(OLD.error_code, '');
  END;

  CREATE INDEX tasks_by_error ON tasks (error_code) WHERE error_code IS NOT NULL;

  CREATE VIRTUAL TABLE tasks_id_search USING fts5(ids, task_id UNINDEXED, tokenize = 'trigram');
  INSERT INTO tasks_id_search (ids, task_id) SELECT id || ' ' || COALESCE(upstream_task_id, ''), id FROM tasks;
  CREATE TRIGGER tasks_id_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_id_search (ids, task_id) VALUES (NEW.id || ' ' || COALESCE(NEW.upstream_task_id, ''), NEW.id);
  END;
  CREATE TRIGGER tasks_id_search_update AFTER UPDATE OF id, upstream_task_id ON tasks BEGIN
    DELETE FROM tasks_id_search WHERE task_id = OLD.id;
    INSERT INTO tasks_id_search (ids, task_id) VALUES (NEW.id || ' ' || COALESCE(NEW.upstream_task_id, ''), NEW.id);
  END;
  CREATE TRIGGER tasks_id_search_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM tasks_id_search WHERE task_id = OLD.id;
  END;
  `,
];
