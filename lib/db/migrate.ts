import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { MigrationError } from "./errors";

/**
 * Applies the SQL migrations in prisma/migrations, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does (same table, checksum = SHA-256 hex of migration.sql, one row per
 * migration), so a machine that has Prisma's schema engine agrees with `prisma migrate status`.
 *
 * Differences from Prisma's runner, on purpose: each migration runs inside one transaction, so a
 * migration that fails half-way leaves the database exactly as it was before it; and a migration file
 * changed after it was applied stops the run instead of being ignored.
 *
 * After the migrations come the database functions in prisma/functions (one `CREATE OR REPLACE` file
 * each), which, unlike migrations, are meant to be edited: a function lives in one file that the next run
 * re-applies when its checksum has changed, instead of being redefined whole by migration after
 * migration. Prisma's own runner knows nothing of them.
 */

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const DEFAULT_FUNCTIONS_DIR = path.join(process.cwd(), "prisma", "functions");

/** The key Prisma itself uses, so this runner and `prisma migrate deploy` also exclude each other. */
const MIGRATION_ADVISORY_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The runner's own record of the functions it applied; not part of schema.prisma, like Prisma's table. */
const CREATE_FUNCTIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_database_functions" (
    "name"          VARCHAR(255) PRIMARY KEY NOT NULL,
    "checksum"      VARCHAR(64) NOT NULL,
    "applied_at"    TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Migration folders in the order Prisma applies them: by name, which starts with a timestamp. */
export async function readMigrationFiles(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  // Read at run time from the release's own prisma/migrations, never bundled: hence the ignore hints.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

/** The function files, by name (`store_registration.sql`), in name order. */
export async function readFunctionFiles(dir = DEFAULT_FUNCTIONS_DIR): Promise<MigrationFile[]> {
  // A missing folder is an error, not "no functions": a release without it would keep stale functions.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith(".sql"))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

async function readAppliedRows(client: pg.ClientBase): Promise<AppliedRow[]> {
  const exists = await client.query<{ present: boolean }>(
    `select to_regclass('"_prisma_migrations"') is not null as present`,
  );
  if (!exists.rows[0]?.present) return [];
  const { rows } = await client.query<AppliedRow>(
    `select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations" order by started_at`,
  );
  return rows;
}

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  /** Recorded as started but never finished (only Prisma's own runner can leave these). */
  failed: string[];
  /** Applied, but the file has changed since. */
  modified: string[];
};

export async function getMigrationStatus(client: pg.ClientBase, files: MigrationFile[]): Promise<MigrationStatus> {
  const rows = (await readAppliedRows(client)).filter((r) => r.rolled_back_at === null);
  const finished = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const failed = rows.filter((r) => r.finished_at === null).map((r) => r.migration_name);
  return {
    applied: files.filter((f) => finished.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !finished.has(f.name) && !failed.includes(f.name)).map((f) => f.name),
    failed,
    modified: files
      .filter((f) => finished.has(f.name) && finished.get(f.name)?.checksum !== f.checksum)
      .map((f) => f.name),
  };
}

/** Functions whose file differs from what was last applied, or that were never applied. */
export async function getPendingFunctions(client: pg.ClientBase, files: MigrationFile[]): Promise<string[]> {
  const exists = await client.query<{ present: boolean }>(
    `select to_regclass('"_database_functions"') is not null as present`,
  );
  if (!exists.rows[0]?.present) return files.map((f) => f.name);
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `select name, checksum from "_database_functions"`,
  );
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  return files.filter((f) => applied.get(f.name) !== f.checksum).map((f) => f.name);
}

function describePgError(error: unknown, sql: string, fileName = "migration.sql"): string {
  const e = error as { message?: string; position?: string };
  let where = "";
  const position = Number(e.position);
  if (Number.isInteger(position) && position > 0) {
    const line = sql.slice(0, position).split("\n").length;
    where = ` (line ${line} of ${fileName})`;
  }
  return `${e.message ?? String(error)}${where}`;
}

export type MigrateResult = {
  applied: string[];
  alreadyApplied: number;
  /** Function files (re)applied by this run because they were new or had changed. */
  functions: string[];
};

/**
 * Applies every pending migration, in order, each in its own transaction, then every new or changed
 * function file, holding an advisory lock so that two portals starting at once cannot race.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { dir?: string; functionsDir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const files = await readMigrationFiles(options.dir);
  const functionFiles = await readFunctionFiles(options.functionsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    // Don't wait forever on a lock held by a stuck runner elsewhere.
    await client.query(`set lock_timeout = '60s'`);
    await client.query(`select pg_advisory_lock($1)`, [MIGRATION_ADVISORY_LOCK]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const status = await getMigrationStatus(client, files);
      if (status.failed.length > 0) {
        throw new MigrationError(
          `Migration ${status.failed[0]} was started earlier and never finished. Inspect the database, ` +
            `then mark it rolled back (prisma migrate resolve --rolled-back) before running migrations again.`,
          status.failed[0],
        );
      }
      if (status.modified.length > 0) {
        throw new MigrationError(
          `Migration ${status.modified[0]} has been changed since it was applied. Applied migrations must ` +
            `never be edited: restore the file and add a new migration instead.`,
          status.modified[0],
        );
      }
      const applied: string[] = [];
      for (const file of files.filter((f) => status.pending.includes(f.name))) {
        await applyOne(client, file);
        applied.push(file.name);
        log(`Applied migration ${file.name}`);
      }
      // After the migrations, so that a function is always written against the schema they leave.
      await client.query(CREATE_FUNCTIONS_TABLE);
      const pendingFunctions = await getPendingFunctions(client, functionFiles);
      for (const file of functionFiles.filter((f) => pendingFunctions.includes(f.name))) {
        await applyFunction(client, file);
        log(`Applied function ${file.name}`);
      }
      return { applied, alreadyApplied: status.applied.length, functions: pendingFunctions };
    } finally {
      await client.query(`select pg_advisory_unlock($1)`, [MIGRATION_ADVISORY_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyOne(client: pg.ClientBase, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       values ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    try {
      await client.query(file.sql);
    } catch (error) {
      throw new MigrationError(
        `Migration ${file.name} failed and was rolled back; the database is as it was before it. ` +
          `PostgreSQL said: ${describePgError(error, file.sql)}`,
        file.name,
      );
    }
    await client.query(
      `update "_prisma_migrations" set finished_at = clock_timestamp(), applied_steps_count = 1 where id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function applyFunction(client: pg.ClientBase, file: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    try {
      await client.query(file.sql);
    } catch (error) {
      throw new MigrationError(
        `Function file ${file.name} failed and was rolled back; the database keeps the ` +
          `version it had. PostgreSQL said: ${describePgError(error, file.sql, file.name)}`,
        file.name,
      );
    }
    await client.query(
      `insert into "_database_functions" (name, checksum, applied_at) values ($1, $2, clock_timestamp())
       on conflict (name) do update set checksum = excluded.checksum, applied_at = excluded.applied_at`,
      [file.name, file.checksum],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
