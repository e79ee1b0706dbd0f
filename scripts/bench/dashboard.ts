/**
 * `npm run bench` (after scripts/bench/registration.ts): the study team's dashboard with 100,000 volunteers, against a
 * production build on its own embedded database.
 *
 * - The volunteers list, as a researcher's browser asks for it (a GET with a signed-in session): a
 *   filtered, sorted page (study and status, by name, page 3) and a search for part of a name. p50 and p95
 *   over 200 requests each, one client at a time and then ten at once.
 * - The full CSV export of the volunteer list (/admin/exports/volunteers.csv): time to download it, and
 *   the peak growth of the web server's resident memory while it streams (VmRSS from /proc, sampled
 *   every 20 ms), which shows whether the export is streamed or built in memory.
 * - A reference: the health check, to show how loaded the (shared) machine was during the run.
 *
 * Options: --no-build (use the existing build), --quick (fewer requests), BENCH_VOLUNTEERS=n.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { createResearcherSession, seedVolunteers } from "./dashboard-data";

// Ports of their own (this engineer's range), so the benchmark can run beside a development portal.
const PORT = 3210;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/bench-dashboard-postgres";
const DB_PORT = 3211;
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const QUICK = process.argv.includes("--quick");
const REQUESTS = QUICK ? 50 : 200;
const TARGET_P95_MS = 150;
const TARGET_EXPORT_GROWTH_MB = 100;
const EXPORT_PATH = "/admin/exports/volunteers.csv";

type Result = { scenario: string; concurrency: number; requests: number; p50: number; p95: number; errors: number };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code})`)),
    );
  });
}

async function startPortal(): Promise<ChildProcess> {
  await rm(DATA_DIR, { recursive: true, force: true });
  for (const suffix of [".owner", ".password", ".log", ".auth-secret"])
    await rm(`${DATA_DIR}${suffix}`, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/portal.ts", "start"], {
    stdio: ["ignore", process.env.BENCH_SHOW_SERVER ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(PORT),
      EMBEDDED_DATABASE_DIR: DATA_DIR,
      EMBEDDED_DATABASE_PORT: String(DB_PORT),
      MAIL_CATCHER_SMTP_PORT: "3212",
      MAIL_CATCHER_WEB_PORT: "3213",
      RUN_WORKER_IN_APP: "false",
      SEED_DEMO_RESEARCHER: "false",
    },
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGINT");
  throw new Error("The portal did not start for the benchmark.");
}

async function connect(): Promise<pg.Client> {
  const password = (await readFile(`${DATA_DIR}.password`, "utf8")).trim();
  const client = new pg.Client({
    connectionString: `postgres://portal:${encodeURIComponent(password)}@127.0.0.1:${DB_PORT}/portal`,
  });
  await client.connect();
  return client;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function load(
  scenario: string,
  concurrency: number,
  requests: number,
  send: () => Promise<boolean>,
): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t = performance.now();
        const ok = await send().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { scenario, concurrency, requests, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

/** The pid of the web server: the launcher's descendant running scripts/http-server.ts (Next.js inside it). */
async function webServerPid(launcherPid: number): Promise<number> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* the process ended */
    }
  }
  const found: number[] = [];
  const walk = async (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      const cmdline = await readFile(`/proc/${child}/cmdline`, "utf8").catch(() => "");
      if (/scripts[/\\]http-server\.ts|next-server/.test(cmdline)) found.push(child);
      await walk(child);
    }
  };
  await walk(launcherPid);
  // Next.js serves inside that process; should it ever start a child of its own, that is the last found.
  const pid = found.at(-1);
  if (!pid) throw new Error("Could not find the Next.js server process.");
  return pid;
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

type ExportResult = {
  seconds: number;
  bytes: number;
  rows: number;
  baselineMb: number;
  peakMb: number;
  growthMb: number;
};

/**
 * One full download, measured from a baseline taken just before it (after the list's load, so the server
 * is warm): the first request to the route is the one measured, so nothing it allocates is hidden in the
 * baseline. A 404 means the route is not there.
 */
async function measureExport(cookie: string, pid: number): Promise<ExportResult | "missing"> {
  await new Promise((r) => setTimeout(r, 2_000));
  const baseline = await rssBytes(pid);
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssBytes(pid).catch(() => 0));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const started = performance.now();
    const response = await fetch(`${BASE}${EXPORT_PATH}`, { headers: { cookie }, redirect: "manual" });
    if (response.status === 404) {
      await response.body?.cancel();
      return "missing";
    }
    if (!response.ok) throw new Error(`The export answered ${response.status}.`);
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const mb = (n: number) => n / 2 ** 20;
    return {
      seconds,
      bytes,
      rows: Math.max(0, newlines - 1),
      baselineMb: mb(baseline),
      peakMb: mb(peak),
      growthMb: mb(peak - baseline),
    };
  } finally {
    sampling = false;
    await sampler;
  }
}

function table(results: Result[]): string {
  return [
    "| scenario | clients | requests | p50 (ms) | p95 (ms) | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.errors} |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) await run("npm", ["run", "--silent", "build"]);
  const portal = await startPortal();
  try {
    const client = await connect();
    let cookie: string;
    try {
      const seedStarted = performance.now();
      await seedVolunteers(client, VOLUNTEERS);
      const { rows } = await client.query<{ volunteers: number; participations: number }>(
        "select (select count(*) from volunteers)::int as volunteers, (select count(*) from participations)::int as participations",
      );
      process.stdout.write(
        `Seeded ${rows[0]!.volunteers} volunteers and ${rows[0]!.participations} participations in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.\n`,
      );
      cookie = `authjs.session-token=${await createResearcherSession(client)}`;
    } finally {
      await client.end();
    }

    const filtered = `${BASE}/admin/volunteers?study=interview-study&status=eligible&sort=name&page=3`;
    const search = `${BASE}/admin/volunteers?q=ovela`;
    const get = (url: string, expect: string) => async () => {
      const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      return response.status === 200 && html.includes(expect);
    };
    // Page 3 links to pages 2 and 4 (React splits "Page 3 of N" into text nodes, so that is not searched for).
    const filteredOk = get(filtered, "status=eligible&amp;sort=name&amp;page=4");
    const searchOk = get(search, "Lovelace");
    for (let i = 0; i < 10; i++) {
      if (!(await filteredOk()) || !(await searchOk()))
        throw new Error("The volunteers page did not answer as expected (is the session accepted?).");
    }

    // A reference on the same machine at the same moment: the health check (one query, no session, no
    // page). These machines are shared; when it is slow, everything is.
    const floor = async () => {
      const response = await fetch(`${BASE}/api/health`);
      await response.arrayBuffer();
      return response.ok;
    };

    const results: Result[] = [];
    for (const concurrency of [1, 10]) {
      results.push(await load("volunteers: study + status, by name, page 3", concurrency, REQUESTS, filteredOk));
      results.push(await load("volunteers: search for part of a name", concurrency, REQUESTS, searchOk));
      results.push(await load("reference: /api/health", concurrency, REQUESTS, floor));
    }

    const pid = await webServerPid(portal.pid!);
    const exported = await measureExport(cookie, pid);

    process.stdout.write(
      `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`,
    );
    process.stdout.write(`${table(results)}\n\n`);
    const worst = Math.max(
      ...results.filter((r) => r.concurrency === 1 && r.scenario.startsWith("volunteers")).map((r) => r.p95),
    );
    process.stdout.write(
      `Volunteers list, one client at a time: worst p95 ${worst.toFixed(0)} ms (target: under ${TARGET_P95_MS} ms): ${worst < TARGET_P95_MS ? "met" : "MISSED"}.\n`,
    );
    if (exported === "missing") {
      process.stdout.write(`export not measured: ${EXPORT_PATH} is not there yet\n`);
    } else {
      process.stdout.write(
        `\n| export | rows | size (MB) | seconds | server RSS before (MB) | peak (MB) | growth (MB) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
          `| ${EXPORT_PATH} | ${exported.rows} | ${(exported.bytes / 2 ** 20).toFixed(1)} | ${exported.seconds.toFixed(1)} | ${exported.baselineMb.toFixed(0)} | ${exported.peakMb.toFixed(0)} | ${exported.growthMb.toFixed(0)} |\n\n`,
      );
      process.stdout.write(
        `Export: peak memory growth ${exported.growthMb.toFixed(0)} MB (target: under ${TARGET_EXPORT_GROWTH_MB} MB): ${exported.growthMb < TARGET_EXPORT_GROWTH_MB ? "met" : "MISSED"}.\n`,
      );
    }
  } finally {
    portal.kill("SIGINT");
    await new Promise((r) => portal.once("exit", r));
    await rm(DATA_DIR, { recursive: true, force: true });
    for (const suffix of [".owner", ".password", ".log", ".auth-secret"])
      await rm(`${DATA_DIR}${suffix}`, { force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
