import { execFile, spawn } from "node:child_process";
import { access, appendFile, chown, constants, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../support/free-port";

/**
 * A throw-away PostgreSQL cluster from the operating system's PostgreSQL packages, for the backup and
 * restore test. The embedded PostgreSQL (18) ships no pg_dump, and pg_dump refuses a server of a newer
 * major version than its own, so the test runs a server and a pg_dump of one major version, as
 * docs/operations.md asks of a real deployment. Debian installs them in /usr/lib/postgresql/<major>/bin.
 */

const DEBIAN_ROOT = "/usr/lib/postgresql";
const PROGRAMS = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"] as const;
export const INSTALL_HINT = "apt-get install -y postgresql-15 postgresql-client-15";
const SUPERUSER = "postgres";

export type PostgresTools = { major: number; bin: string };

async function executable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The newest major version with every program the test needs, or an error that says what to install. */
export async function findDebianPostgres(root = DEBIAN_ROOT): Promise<PostgresTools> {
  const majors = (await readdir(root).catch(() => [] as string[]))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => b - a);
  for (const major of majors) {
    const bin = path.join(root, String(major), "bin");
    const present = await Promise.all(PROGRAMS.map((p) => executable(path.join(bin, p))));
    if (present.every(Boolean)) return { major, bin };
  }
  throw new Error(
    `The backup and restore test needs PostgreSQL's server and client programs of one major version ` +
      `(${PROGRAMS.join(", ")} in ${root}/<major>/bin), and found none. ` +
      `Install Debian's PostgreSQL 15: ${INSTALL_HINT} (.ci/run does this when they are missing).`,
  );
}

type RunAs = { uid: number; gid: number } | undefined;

/** As root, PostgreSQL refuses to run; the server programs then run as the `postgres` system user. */
async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const run = promisify(execFile);
  try {
    const uid = Number((await run("id", ["-u", SUPERUSER])).stdout.trim());
    const gid = Number((await run("id", ["-g", SUPERUSER])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `Running as root, the test needs the "postgres" system user to run PostgreSQL, and there is none. ` +
        `Debian's package creates it: ${INSTALL_HINT}`,
    );
  }
}

export type CommandResult = { code: number; stdout: string; stderr: string };

/** Runs a program to the end and collects its output; never throws for a non-zero exit. */
export function runProgram(
  program: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; runAs?: RunAs; cwd?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export type TemporaryCluster = {
  major: number;
  bin: string;
  port: number;
  /** A folder of the cluster's own, removed by stop(): for dump files. */
  workDir: string;
  /** The superuser's connection string for a database. */
  superuserUrl(database: string): string;
  /** Runs one of the cluster's client programs (pg_dump, pg_restore) as the current user. */
  client(program: "pg_dump" | "pg_restore", args: string[], password: string): Promise<CommandResult>;
  stop(): Promise<void>;
};

async function mustSucceed(
  what: string,
  result: CommandResult | Promise<CommandResult>,
  logFile?: string,
): Promise<void> {
  const r = await result;
  if (r.code === 0) return;
  const log = logFile ? await readFile(logFile, "utf8").catch(() => "") : "";
  throw new Error(
    `${what} failed (exit code ${r.code}):\n${r.stderr}${r.stdout}${log ? `\nServer log:\n${log.slice(-2000)}` : ""}`,
  );
}

/**
 * Creates a cluster in a new temporary folder and starts it on a free port, on 127.0.0.1 only, with
 * password authentication (scram-sha-256) and no Unix socket (nothing to clash with the system's own).
 */
export async function startTemporaryCluster(): Promise<TemporaryCluster> {
  const { major, bin } = await findDebianPostgres();
  const runAs = await postgresUser();
  const workDir = await mkdtemp(path.join(tmpdir(), "portal-pg-"));
  const dataDir = path.join(workDir, "data");
  const logFile = path.join(workDir, "server.log");
  const passwordFile = path.join(workDir, "superuser-password");
  const superuserPassword = `pw-${crypto.randomUUID()}`;
  await writeFile(passwordFile, superuserPassword, { mode: 0o600 });
  if (runAs) {
    // mkdtemp makes a 0700 folder: the postgres user must own it to create the data folder inside.
    await chown(workDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  // No PG* variables of the caller's (PGPORT, PGDATA…) may steer the server programs elsewhere.
  const serverEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PG")));
  const asServer = { runAs, cwd: workDir, env: serverEnv };

  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await runProgram(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], asServer);
    }
    await rm(workDir, { recursive: true, force: true });
  };

  try {
    await mustSucceed(
      "initdb",
      runProgram(
        path.join(bin, "initdb"),
        [
          "-D",
          dataDir,
          "-U",
          SUPERUSER,
          `--pwfile=${passwordFile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--no-sync",
        ],
        asServer,
      ),
    );
    const port = await freePort();
    // Durability does not matter for a cluster deleted after the test; speed does.
    await appendFile(
      path.join(dataDir, "postgresql.conf"),
      `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n`,
    );
    await mustSucceed(
      `pg_ctl start (PostgreSQL ${major})`,
      runProgram(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"], asServer),
      logFile,
    );
    started = true;

    const superuserUrl = (database: string) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(superuserPassword)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return {
      major,
      bin,
      port,
      workDir,
      superuserUrl,
      client: (program, args, password) =>
        runProgram(path.join(bin, program), args, { env: { ...serverEnv, PGPASSWORD: password }, cwd: workDir }),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
