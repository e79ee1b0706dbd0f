/**
 * What every benchmark of `npm run bench` (scripts/bench/run.ts) shares: the production build, a portal
 * started by the real launcher on its own embedded database, timed request loops and their percentiles,
 * and the lines that describe the machine.
 *
 * Each portal gets free ports chosen by the system, so a benchmark runs beside a development portal, the
 * tests, or another checkout's benchmark without colliding.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { freePort } from "../../tests/support/free-port";

export const QUICK = process.argv.includes("--quick");

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code})`)),
    );
  });
}

/** One production build for the whole run, unless --no-build says the existing one will do. */
export async function build(): Promise<void> {
  if (!process.argv.includes("--no-build")) await run("npm", ["run", "--silent", "build"]);
}

export type Portal = {
  /** The portal's address, e.g. http://localhost:40123 (no trailing slash). */
  base: string;
  /** The launcher's process id; the web server is one of its descendants. */
  pid: number;
  /** A connection to the portal's database as its owner, for preparing data before the clock starts. */
  connect(): Promise<pg.Client>;
  /** The same connection's address, for a benchmark that calls lib/ against the portal's database. */
  databaseUrl(): Promise<string>;
  /** Stops the portal (the launcher stops the database with it) and deletes its data. */
  stop(): Promise<void>;
};

async function removeData(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  for (const suffix of [".owner", ".password", ".log", ".auth-secret"])
    await rm(`${dataDir}${suffix}`, { force: true });
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/**
 * `scripts/portal.ts start` on a fresh database in .data/bench-<name>-postgres, with `env` over the
 * settings every benchmark wants, resolved once /api/health answers.
 */
export async function startPortal(name: string, env: Record<string, string> = {}): Promise<Portal> {
  const dataDir = `.data/bench-${name}-postgres`;
  const [port, dbPort, smtpPort, mailWebPort] = await distinctFreePorts(4);
  const base = `http://localhost:${port}`;
  await removeData(dataDir);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/portal.ts", "start"], {
    stdio: ["ignore", process.env.BENCH_SHOW_SERVER ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_DATABASE_DIR: dataDir,
      EMBEDDED_DATABASE_PORT: String(dbPort),
      MAIL_CATCHER_SMTP_PORT: String(smtpPort),
      MAIL_CATCHER_WEB_PORT: String(mailWebPort),
      // Emails are sent by the worker after the response; measured here is what a person waits for.
      RUN_WORKER_IN_APP: "false",
      SEED_DEMO_RESEARCHER: "false",
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    await exited;
    await removeData(dataDir);
  };

  const databaseUrl = async () => {
    const password = (await readFile(`${dataDir}.password`, "utf8")).trim();
    return `postgres://portal:${encodeURIComponent(password)}@127.0.0.1:${dbPort}/portal`;
  };

  let ended = false;
  void exited.then(() => (ended = true));
  for (let i = 0; i < 240 && !ended; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return {
          base,
          pid: child.pid!,
          stop,
          databaseUrl,
          async connect() {
            const client = new pg.Client({ connectionString: await databaseUrl() });
            await client.connect();
            return client;
          },
        };
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("The portal did not start for the benchmark.");
}

/** Starts a portal, hands it to `measure`, and stops it however `measure` ends. */
export async function withPortal<T>(
  name: string,
  env: Record<string, string>,
  measure: (portal: Portal) => Promise<T>,
): Promise<T> {
  const portal = await startPortal(name, env);
  try {
    return await measure(portal);
  } finally {
    await portal.stop();
  }
}

/** The p-th percentile of ascending numbers (nearest rank); NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export type Timed = {
  scenario: string;
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
};

/**
 * `requests` calls of `send` (each given its own index) from `concurrency` clients, each sending its next
 * as soon as its last is answered. A call that throws or answers false counts as an error.
 */
export async function timedRequests(
  scenario: string,
  concurrency: number,
  requests: number,
  send: (i: number) => Promise<boolean>,
): Promise<Timed> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const t = performance.now();
        const ok = await send(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    concurrency,
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
  };
}

/** A Markdown table; a column whose title ends in ":" is right-aligned (the colon is not shown). */
export function markdownTable(columns: string[], rows: (string | number)[][]): string {
  const right = (c: string) => c.endsWith(":");
  return [
    `| ${columns.map((c) => (right(c) ? c.slice(0, -1) : c)).join(" | ")} |`,
    `| ${columns.map((c) => (right(c) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function machine(): string {
  return `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export const secondsSince = (started: number) => ((performance.now() - started) / 1000).toFixed(1);
