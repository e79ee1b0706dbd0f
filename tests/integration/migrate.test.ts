import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError } from "@/lib/db/errors";
import { applyMigrations, getMigrationStatus, readFunctionFiles, readMigrationFiles } from "@/lib/db/migrate";

/** A fresh, empty database per test, beside this file's cloned one. */
let url: string;
let name: string;

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const [folder, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, folder));
    await writeFile(path.join(dir, folder, "migration.sql"), sql);
  }
  return dir;
}

/** A folder of function files; empty by default, for tests of the migrations alone. */
async function functionsDir(functions: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "functions-"));
  for (const [file, sql] of Object.entries(functions)) await writeFile(path.join(dir, file), sql);
  return dir;
}

beforeEach(async () => {
  name = `migrate_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) => c.query(`create database ${name}`));
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  url = u.toString();
});

afterEach(async () => {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
});

describe("the migration runner", () => {
  it("applies the project's migrations and records them as prisma migrate deploy does", async () => {
    const result = await applyMigrations(url);
    const files = await readMigrationFiles();
    expect(result.applied).toEqual(files.map((f) => f.name));

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
      rolled_back_at: Date | null;
    }>(`select * from "_prisma_migrations" order by migration_name`);
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const file = files[i]!;
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(createHash("sha256").update(file.sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    // The table itself has Prisma's exact columns.
    const columns = await query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_name = '_prisma_migrations' order by ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      "id character varying",
      "checksum character varying",
      "finished_at timestamp with time zone",
      "migration_name character varying",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone",
      "applied_steps_count integer",
    ]);
  });

  it("then applies the project's function files and records their checksums", async () => {
    const result = await applyMigrations(url);
    const files = await readFunctionFiles();
    expect(files.map((f) => f.name)).toContain("store_registration.sql");
    expect(result.functions).toEqual(files.map((f) => f.name));
    const rows = await query<{ name: string; checksum: string }>(
      `select name, checksum from "_database_functions" order by name`,
    );
    expect(rows).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
    // The database has the file's version, not the older ones the migrations defined.
    const [definition] = await query<{ source: string }>(
      `select prosrc as source from pg_proc where proname = 'store_registration'`,
    );
    expect(files.find((f) => f.name === "store_registration.sql")!.sql).toContain(definition!.source);
  });

  it("re-applies a function file only when it has changed, and rolls back one that fails", async () => {
    const dir = await migrationsDir({ "20260101000000_good": `create table first_table (id int primary key);` });
    const functions = await functionsDir({
      "answer.sql": `create or replace function answer() returns int language sql as $$ select 41 $$;`,
      "other.sql": `create or replace function other() returns int language sql as $$ select 1 $$;`,
    });
    expect((await applyMigrations(url, { dir, functionsDir: functions })).functions).toEqual([
      "answer.sql",
      "other.sql",
    ]);
    expect((await applyMigrations(url, { dir, functionsDir: functions })).functions).toEqual([]);

    await writeFile(
      path.join(functions, "answer.sql"),
      `create or replace function answer() returns int language sql as $$ select 42 $$;`,
    );
    expect((await applyMigrations(url, { dir, functionsDir: functions })).functions).toEqual(["answer.sql"]);
    expect(await query<{ n: number }>(`select answer() as n`)).toEqual([{ n: 42 }]);

    await writeFile(
      path.join(functions, "answer.sql"),
      `create or replace function answer() returns int language sql as $$ select 43 $$;\nselect * from table_that_does_not_exist;`,
    );
    const error = await applyMigrations(url, { dir, functionsDir: functions }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe("answer.sql");
    expect((error as Error).message).toContain("table_that_does_not_exist");
    expect((error as Error).message).toContain("line 2 of answer.sql");
    // The earlier version stays, and so does its record, so the next run tries the file again.
    expect(await query<{ n: number }>(`select answer() as n`)).toEqual([{ n: 42 }]);
    const recorded = await query<{ checksum: string }>(
      `select checksum from "_database_functions" where name = 'answer.sql'`,
    );
    expect(recorded[0]!.checksum).toBe(
      createHash("sha256")
        .update(`create or replace function answer() returns int language sql as $$ select 42 $$;`)
        .digest("hex"),
    );
  });

  it("does nothing the second time", async () => {
    await applyMigrations(url);
    const again = await applyMigrations(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
    expect(again.functions).toEqual([]);
  });

  it("rolls back a migration that fails half-way, names it, and keeps the ones before it", async () => {
    const dir = await migrationsDir({
      "20260101000000_good": `create table first_table (id int primary key);`,
      "20260102000000_breaks_half_way": `create table second_table (id int primary key);\ninsert into second_table values (1);\nselect * from table_that_does_not_exist;`,
      "20260103000000_never_reached": `create table third_table (id int primary key);`,
    });
    const error = await applyMigrations(url, { dir, functionsDir: await functionsDir() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe("20260102000000_breaks_half_way");
    expect((error as Error).message).toContain("20260102000000_breaks_half_way");
    expect((error as Error).message).toContain("table_that_does_not_exist");
    expect((error as Error).message).toContain("line 3");

    const tables = await query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' order by 1`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "first_table"]);
    const recorded = await query<{ migration_name: string }>(`select migration_name from "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
  });

  it("refuses to run when an applied migration has been edited", async () => {
    const dir = await migrationsDir({ "20260101000000_good": `create table first_table (id int primary key);` });
    const functions = await functionsDir();
    await applyMigrations(url, { dir, functionsDir: functions });
    await writeFile(
      path.join(dir, "20260101000000_good", "migration.sql"),
      `create table first_table (id bigint primary key);`,
    );
    await expect(applyMigrations(url, { dir, functionsDir: functions })).rejects.toThrow(
      /20260101000000_good has been changed since it was applied/,
    );
  });

  it("lets two portals starting at once apply each migration exactly once", async () => {
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const total = (await readMigrationFiles()).length;
    expect(appliedCounts).toEqual([0, 0, total]);
    const functionCounts = results.map((r) => r.functions.length).sort();
    expect(functionCounts).toEqual([0, 0, (await readFunctionFiles()).length]);
    const rows = await query<{ n: string }>(`select count(*) as n from "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(total);
  });

  it("reports pending migrations before they are applied", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const status = await getMigrationStatus(c, await readMigrationFiles());
      expect(status.applied).toEqual([]);
      expect(status.pending.length).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });
});
