import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { freePort } from "../../support/free-port";
import { ManagedProcess } from "./managed-process";

/**
 * The system under test, as real processes: one PostgreSQL (external to the app, as in production),
 * any number of app instances (each the real launcher, `npm start`, from the production build in .next,
 * with DATABASE_URL set) and any number of worker processes. Every process's output is kept line by line.
 *
 *   const system = await startSystem();
 *   const app = await system.startApp();              // http://127.0.0.1:<port>
 *   const worker = system.startWorker();              // `node --import tsx scripts/worker.ts` by default
 *   await system.database.stop(); await system.database.start();
 *   await app.kill();                                 // kill -9 of the whole instance
 *   await system.stop();                              // everything, in order
 */

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export type DatabaseControl = {
  url: string;
  port: number;
  /** PostgreSQL's fast shutdown: open transactions are rolled back and every connection is cut. */
  stop(): Promise<void>;
  /** The same server again: same data, same port. */
  start(): Promise<void>;
};

export type AppInstance = ManagedProcess & { url: string; port: number };

export type ProcessOptions = {
  /** Added to (and overriding) the environment the harness gives the process. */
  env?: Record<string, string>;
  /** Also print the process's lines to the test's output, prefixed with its name. */
  echo?: boolean;
  name?: string;
};

export type WorkerOptions = ProcessOptions & {
  /** The worker's command line; default `node --import tsx scripts/worker.ts`. */
  command?: readonly string[];
};

export type System = {
  database: DatabaseControl;
  /** Signs session cookies; the same for every instance, as in a real deployment. */
  authSecret: string;
  /** A Prisma client for the test's own checks and fixtures. */
  db: Database;
  apps: AppInstance[];
  workers: ManagedProcess[];
  /** Starts an app instance and waits until it answers /api/health. */
  startApp(options?: ProcessOptions): Promise<AppInstance>;
  /** Starts a worker process (not waiting for anything: wait for the line you expect). */
  startWorker(options?: WorkerOptions): ManagedProcess;
  /** Every process of the system stopped (SIGTERM, then SIGKILL), the database last, its folder removed. */
  stop(): Promise<void>;
};

async function startDatabaseProcess(
  authSecret: string,
): Promise<{ control: DatabaseControl; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = path.join(root, ".data", `system-postgres-${process.pid}-${port}`);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/system/support/database-process.ts", dataDir, String(port), authSecret],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const replies: ((message: { event: string; url?: string; message?: string }) => void)[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!line.startsWith("{")) return;
    replies.shift()?.(JSON.parse(line) as { event: string; url?: string; message?: string });
  });
  const next = () =>
    new Promise<{ event: string; url?: string; message?: string }>((resolve, reject) => {
      replies.push(resolve);
      child.once("exit", (code) => reject(new Error(`the test database process exited (${code})`)));
    });
  const command = async (word: "stop" | "start", expected: string) => {
    const reply = next();
    child.stdin!.write(`${word}\n`);
    const message = await reply;
    if (message.event !== expected) throw new Error(`database ${word}: ${message.message ?? message.event}`);
  };
  const ready = await next();
  if (ready.event !== "ready" || !ready.url)
    throw new Error(`the test database did not start: ${ready.message ?? ready.event}`);
  return {
    child,
    dataDir,
    control: { url: ready.url, port, stop: () => command("stop", "stopped"), start: () => command("start", "started") },
  };
}

async function waitForHealth(app: AppInstance, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!app.running) throw new Error(`${app.name} exited while starting:\n${app.text()}`);
    try {
      const response = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app.name} did not become healthy within ${timeoutMs} ms:\n${app.text()}`);
}

export async function startSystem(): Promise<System> {
  const authSecret = randomBytes(32).toString("base64url");
  const database = await startDatabaseProcess(authSecret);
  const db = createPrismaClient(database.control.url, { maxConnections: 4 });
  const apps: AppInstance[] = [];
  const workers: ManagedProcess[] = [];

  const baseEnv = (): Record<string, string> => ({
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: database.control.url,
    AUTH_SECRET: authSecret,
    // Every request comes from this one machine; the limits have their own tests.
    REGISTRATION_RATE_LIMIT: "100000",
    TOKEN_LINK_RATE_LIMIT: "100000",
    SEED_DEMO_RESEARCHER: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  });

  const startAppOnce = async (options: ProcessOptions): Promise<AppInstance> => {
    const port = await freePort();
    const name = options.name ?? `app-${apps.length + 1}`;
    const env = {
      ...baseEnv(),
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Each instance's own mail catcher, on ports of its own.
      MAIL_CATCHER_SMTP_PORT: String(await freePort()),
      MAIL_CATCHER_WEB_PORT: String(await freePort()),
      ...options.env,
    };
    const instance = new ManagedProcess(
      name,
      [process.execPath, "--import", "tsx", "scripts/portal.ts", "start"],
      env,
      { echo: options.echo },
    ) as AppInstance;
    instance.url = `http://127.0.0.1:${port}`;
    instance.port = port;
    try {
      await waitForHealth(instance);
    } catch (error) {
      await instance.kill();
      throw error;
    }
    apps.push(instance);
    return instance;
  };

  const system: System = {
    database: database.control,
    authSecret,
    db,
    apps,
    workers,
    async startApp(options = {}) {
      // A free port can be taken by another program between choosing it and listening on it (other
      // checkouts run tests on this machine too): then the launcher says so and exits, and we try again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await startAppOnce(options);
        } catch (error) {
          if (attempt >= 3 || !/already in use/.test(String(error))) throw error;
        }
      }
    },
    startWorker(options = {}) {
      const command = options.command ?? [process.execPath, "--import", "tsx", "scripts/worker.ts"];
      const worker = new ManagedProcess(
        options.name ?? `worker-${workers.length + 1}`,
        command,
        { ...baseEnv(), ...options.env },
        { echo: options.echo },
      );
      workers.push(worker);
      return worker;
    },
    async stop() {
      await Promise.all([...apps, ...workers].map((p) => p.stop()));
      await db.$disconnect().catch(() => undefined);
      const child = database.child;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.stdin!.end();
        await exited;
      }
      await rm(database.dataDir, { recursive: true, force: true });
      await Promise.all(
        [".log", ".password", ".owner"].map((suffix) => rm(`${database.dataDir}${suffix}`, { force: true })),
      );
    },
  };
  return system;
}
