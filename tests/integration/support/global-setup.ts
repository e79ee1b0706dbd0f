import path from "node:path";
import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser-free URL of the migrated template database; test files clone it. */
    templateDatabaseUrl: string;
  }
}

export const TEMPLATE_DATABASE = "portal_template";

let server: EmbeddedDatabase | undefined;

/**
 * Starts a throw-away embedded PostgreSQL for the integration run (its own folder and port, so it can run
 * beside `npm run dev`), and builds the template database every test file is cloned from.
 */
export async function setup(project: TestProject): Promise<void> {
  const dataDir = path.resolve(".data", "test-postgres");
  await rm(dataDir, { recursive: true, force: true });
  server = await startEmbeddedDatabase({ dataDir, port: 54339, databaseName: TEMPLATE_DATABASE });
  await applyMigrations(server.url);
  // No connections may stay open to a template while it is being cloned.
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`alter database ${TEMPLATE_DATABASE} with is_template true`);
  await client.end();
  project.provide("templateDatabaseUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
