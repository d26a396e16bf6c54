/**
 * The PostgreSQL schema, as numbered migrations (the `schema_migrations` table says which ran),
 * applied under an advisory lock so servers starting at once migrate once. Never edit a shipped
 * migration: add the next one. The tables are SQLite's (sqlite/migrations.ts), with the access
 * file's tables beside them, in PostgreSQL's types: epoch milliseconds as BIGINT, ids compared
 * byte by byte (COLLATE "C", so they sort by creation time as in SQLite whatever the database's
 * locale), upstream bodies as `json` (kept as sent, key order included, and checked to be JSON).
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: everything SQLite has at its migration 2, and the access tables.
  `
  CREATE TABLE tasks (
    id TEXT COLLATE "C" PRIMARY KEY,
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
    batch_id TEXT COLLATE "C",
    idempotency_key TEXT,
    upstream_task_id TEXT UNIQUE,
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    video_path TEXT,
    poster_path TEXT,
    width INTEGER,
    height INTEGER,
    duration_s DOUBLE PRECISION,
    error_code TEXT,
    error_message TEXT,
    submit_started_at BIGINT,
    submitted_at BIGINT,
    next_poll_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    lease_owner TEXT,
    lease_token TEXT,
    lease_until BIGINT
  );
  CREATE INDEX tasks_by_created ON tasks (created_at DESC, id DESC);
  CREATE INDEX tasks_by_status ON tasks (status, created_at DESC, id DESC);
  CREATE INDEX tasks_by_model ON tasks (model_id, created_at DESC, id DESC);
  CREATE INDEX tasks_by_batch ON tasks (batch_id, created_at DESC, id DESC) WHERE batch_id IS NOT NULL;
  CREATE INDEX tasks_due ON tasks (next_poll_at) WHERE status IN ('queued', 'running');

  CREATE TABLE task_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id TEXT COLLATE "C" NOT NULL REFERENCES tasks (id),
    at BIGINT NOT NULL,
    status TEXT NOT NULL,
    progress DOUBLE PRECISION,
    source TEXT NOT NULL,
    message TEXT
  );
  CREATE INDEX task_events_by_task ON task_events (task_id, id);

  CREATE TABLE upstream_exchanges (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id TEXT COLLATE "C" NOT NULL REFERENCES tasks (id),
    at BIGINT NOT NULL,
    operation TEXT NOT NULL,
    http_status INTEGER,
    body JSON,
    error TEXT
  );
  CREATE INDEX upstream_exchanges_by_task ON upstream_exchanges (task_id, id);

  CREATE TABLE uploads (
    id TEXT COLLATE "C" PRIMARY KEY,
    file_name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    task_id TEXT COLLATE "C" REFERENCES tasks (id),
    created_at BIGINT NOT NULL
  );
  CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at);

  CREATE TABLE ledger (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_key TEXT NOT NULL UNIQUE,
    at BIGINT NOT NULL,
    credits INTEGER NOT NULL,
    reason TEXT NOT NULL,
    task_id TEXT COLLATE "C" REFERENCES tasks (id)
  );
  CREATE INDEX ledger_by_task ON ledger (task_id) WHERE task_id IS NOT NULL;

  CREATE TABLE callbacks (
    task_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tasks (id),
    url TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at BIGINT,
    last_error TEXT,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX callbacks_due ON callbacks (next_at) WHERE state = 'pending';

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX rate_limits_by_updated ON rate_limits (updated_at);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  `,
  // 2: a version on every task row, moved by the database itself on every update (any server,
  // any statement), so a server checks its kept answer with one tiny read (SQLite's migration 3).
  `
  ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  CREATE FUNCTION tasks_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
  END;
  $$;
  CREATE TRIGGER tasks_version BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_bump_version();
  `,
  // 3: prompt search by index (issue 22): a trigram GIN index, which ILIKE '%…%' uses for any
  // substring of three characters or more, so the search means what it did and reads no more
  // than the matching rows. pg_trgm is a trusted extension: a database owner may create it. It
  // lives in public, shared by every schema of the database, hence the qualified operator class.
  `
  -- The extension is the database's, not the schema's: servers (or tests) migrating other schemas
  -- at the same moment would race on it, which IF NOT EXISTS does not prevent; this lock, held to
  -- the end of the transaction, lets one create it and the others see it.
  SELECT pg_advisory_xact_lock(hashtext('hailuo-studio pg_trgm'));
  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  CREATE INDEX tasks_prompt_trgm ON tasks USING gin (prompt public.gin_trgm_ops);
  `,
  // 4: SQLite's migration 5: the photo's own name, hiding a finished task, and "Retry failed".
  `
  ALTER TABLE uploads ADD COLUMN original_name TEXT;
  ALTER TABLE tasks ADD COLUMN image_name TEXT;
  ALTER TABLE tasks ADD COLUMN hidden_at BIGINT;
  ALTER TABLE tasks ADD COLUMN retry_of TEXT COLLATE "C" REFERENCES tasks (id);
  CREATE UNIQUE INDEX tasks_retry_of ON tasks (retry_of) WHERE retry_of IS NOT NULL;
  `,
  // 5: montages (issue 21): finished clips rendered into one video; a lease per render, no credits.
  `
  CREATE TABLE montages (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    format TEXT NOT NULL,
    clip_count INTEGER NOT NULL,
    spec TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    body_hash TEXT,
    result TEXT,
    error_code TEXT,
    error_message TEXT,
    lease_owner TEXT,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
  );
  CREATE INDEX montages_unfinished ON montages (lease_until) WHERE status IN ('queued', 'running');
  `,
  // 6: SQLite's migration 7: the task list at a million tasks. Parts of ids by a trigram index,
  // the few tasks with an error code by theirs, and the counts kept by triggers (task-counts.ts). Here
  // the tally is a log of changes, only ever inserted into, which servers writing at once never
  // wait on or deadlock over (one row per key moved by every writer would be both); a read
  // sums it, and folds it into one row per key once it has grown (PgTasks.countByStatus).
  `
  -- The ids' trigrams live in a table of their own, written once a task is made and once it is
  -- submitted: as GIN indexes on tasks they were rewritten by every poll's update, which stalled
  -- a server's tracker under load (bench/tracker-load.ts: 0.4 polls per interval against 0.99).
  CREATE TABLE task_id_search (
    task_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    ids TEXT NOT NULL
  );
  INSERT INTO task_id_search SELECT id, id || ' ' || COALESCE(upstream_task_id, '') FROM tasks;
  CREATE INDEX task_id_search_trgm ON task_id_search USING gin (ids public.gin_trgm_ops);
  CREATE FUNCTION task_id_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO task_id_search VALUES (NEW.id, NEW.id || ' ' || COALESCE(NEW.upstream_task_id, ''))
      ON CONFLICT (task_id) DO UPDATE SET ids = EXCLUDED.ids;
    RETURN NULL;
  END;
  $$;
  CREATE TRIGGER task_id_search_insert AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION task_id_search_keep();
  CREATE TRIGGER task_id_search_update AFTER UPDATE OF upstream_task_id ON tasks FOR EACH ROW
    WHEN (OLD.upstream_task_id IS DISTINCT FROM NEW.upstream_task_id) EXECUTE FUNCTION task_id_search_keep();
  CREATE INDEX tasks_by_error ON tasks (error_code) WHERE error_code IS NOT NULL;

  CREATE TABLE task_tallies (
    status TEXT NOT NULL,
    model_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    hidden SMALLINT NOT NULL,
    error_code TEXT NOT NULL,
    n BIGINT NOT NULL
  );
  INSERT INTO task_tallies
    SELECT status, model_id, mode, (hidden_at IS NOT NULL)::int, COALESCE(error_code, ''), COUNT(*) FROM tasks GROUP BY 1, 2, 3, 4, 5;
  CREATE FUNCTION task_tallies_move() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO task_tallies VALUES
        (OLD.status, OLD.model_id, OLD.mode, (OLD.hidden_at IS NOT NULL)::int, COALESCE(OLD.error_code, ''), -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      INSERT INTO task_tallies VALUES
        (NEW.status, NEW.model_id, NEW.mode, (NEW.hidden_at IS NOT NULL)::int, COALESCE(NEW.error_code, ''), 1);
    END IF;
    RETURN NULL;
  END;
  $$;
  CREATE TRIGGER task_tallies_insert AFTER INSERT OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION task_tallies_move();
  CREATE TRIGGER task_tallies_update AFTER UPDATE OF status, model_id, mode, hidden_at, error_code ON tasks FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.model_id IS DISTINCT FROM NEW.model_id
      OR OLD.mode IS DISTINCT FROM NEW.mode OR (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
      OR OLD.error_code IS DISTINCT FROM NEW.error_code)
    EXECUTE FUNCTION task_tallies_move();
  `,
];
