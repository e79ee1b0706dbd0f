/**
 * Starts the embedded database and waits forever: a stand-in for a portal that tests can kill with
 * SIGKILL to leave an orphaned PostgreSQL behind, as a crash would.
 */
import { startEmbeddedDatabase } from "@/lib/db/embedded-database";

const [dataDir, port] = process.argv.slice(2);
await startEmbeddedDatabase({ dataDir: dataDir!, port: Number(port) });
process.stdout.write("ready\n");
setInterval(() => undefined, 1 << 30);
