import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";

/**
 * Each test file gets its own database, cloned from the migrated template, and DATABASE_URL points at
 * it (so the application's own data-access code is what the tests exercise). Before each test every
 * table is emptied, so no test sees another's rows.
 */
const templateUrl = inject("templateDatabaseUrl");
const databaseName = `test_${randomBytes(6).toString("hex")}`;
const fileUrl = new URL(templateUrl);
fileUrl.pathname = `/${databaseName}`;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(templateUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let tables: string[] = [];

beforeAll(async () => {
  const template = new URL(templateUrl).pathname.slice(1);
  await withAdmin((c) => c.query(`create database ${databaseName} template ${template}`));
  process.env.DATABASE_URL = fileUrl.toString();
  const client = new pg.Client({ connectionString: fileUrl.toString() });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables
     where schemaname = 'public' and tablename not in ('_prisma_migrations', '_database_functions')`,
  );
  tables = rows.map((r) => r.name);
  await client.end();
});

beforeEach(async () => {
  if (tables.length === 0) return;
  const client = new pg.Client({ connectionString: fileUrl.toString() });
  await client.connect();
  await client.query(`truncate ${tables.join(", ")} restart identity cascade`);
  await client.end();
});

afterAll(async () => {
  const { disconnectTestDb } = await import("./test-db");
  await disconnectTestDb();
  await withAdmin((c) => c.query(`drop database if exists ${databaseName} with (force)`));
});

export function testDatabaseUrl(): string {
  return fileUrl.toString();
}
