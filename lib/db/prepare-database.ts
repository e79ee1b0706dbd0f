import path from "node:path";
import type { PortalEnv } from "@/lib/config/env";
import { checkDatabaseConnection } from "./connect-check";
import { describeDatabaseUrl } from "./database-url";
import { applyMigrations } from "./migrate";

export type PreparedDatabase = {
  url: string;
  /** For people: where the data is, never the password. */
  description: string;
  embedded: boolean;
  stop(): Promise<void>;
};

/**
 * The database the portal will use: the server in DATABASE_URL, or else the embedded PostgreSQL, started
 * here. Either way it is reachable and fully migrated when this returns.
 */
export async function prepareDatabase(
  env: PortalEnv,
  log: (line: string) => void = () => undefined,
): Promise<PreparedDatabase> {
  let prepared: PreparedDatabase;
  if (env.DATABASE_URL) {
    await checkDatabaseConnection(env.DATABASE_URL);
    prepared = {
      url: env.DATABASE_URL,
      description: describeDatabaseUrl(env.DATABASE_URL),
      embedded: false,
      stop: async () => undefined,
    };
  } else {
    // Imported only when needed: the package installs exit handlers as soon as it is loaded.
    const { startEmbeddedDatabase } = await import("./embedded-database");
    const db = await startEmbeddedDatabase({
      dataDir: env.embeddedDatabaseDir,
      port: env.EMBEDDED_DATABASE_PORT,
      log,
    });
    prepared = {
      url: db.url,
      description: `embedded PostgreSQL in ${path.relative(process.cwd(), db.dataDir) || db.dataDir} (127.0.0.1:${db.port})`,
      embedded: true,
      stop: db.stop,
    };
  }
  try {
    await applyMigrations(prepared.url, { log });
  } catch (error) {
    await prepared.stop();
    throw error;
  }
  return prepared;
}
