/**
 * The second benchmark of `npm run bench`: the study team's dashboard with 100,000 volunteers, against a
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
 * Options (of scripts/bench/run.ts): --quick (fewer requests); BENCH_VOLUNTEERS=n.
 */
import { readFile, readdir } from "node:fs/promises";
import { QUICK, machine, markdownTable, secondsSince, timedRequests, withPortal, type Timed } from "./harness";
import { createResearcherSession, seedVolunteers } from "./dashboard-data";

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const REQUESTS = QUICK ? 50 : 200;
const TARGET_P95_MS = 150;
const TARGET_EXPORT_GROWTH_MB = 100;
const EXPORT_PATH = "/admin/exports/volunteers.csv";

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
async function measureExport(base: string, cookie: string, pid: number): Promise<ExportResult | "missing"> {
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
    const response = await fetch(`${base}${EXPORT_PATH}`, { headers: { cookie }, redirect: "manual" });
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

function table(results: Timed[]): string {
  return markdownTable(
    ["scenario", "clients:", "requests:", "p50 (ms):", "p95 (ms):", "errors:"],
    results.map((r) => [r.scenario, r.concurrency, r.requests, r.p50.toFixed(1), r.p95.toFixed(1), r.errors]),
  );
}

export async function dashboardBenchmark(): Promise<void> {
  await withPortal("dashboard", {}, async ({ base, pid: launcherPid, connect }) => {
    const client = await connect();
    let cookie: string;
    try {
      const seedStarted = performance.now();
      await seedVolunteers(client, VOLUNTEERS);
      const { rows } = await client.query<{ volunteers: number; participations: number }>(
        "select (select count(*) from volunteers)::int as volunteers, (select count(*) from participations)::int as participations",
      );
      process.stdout.write(
        `Seeded ${rows[0]!.volunteers} volunteers and ${rows[0]!.participations} participations in ${secondsSince(seedStarted)} s.\n`,
      );
      cookie = `authjs.session-token=${await createResearcherSession(client)}`;
    } finally {
      await client.end();
    }

    const filtered = `${base}/admin/volunteers?study=interview-study&status=eligible&sort=name&page=3`;
    const search = `${base}/admin/volunteers?q=ovela`;
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
      const response = await fetch(`${base}/api/health`);
      await response.arrayBuffer();
      return response.ok;
    };

    const results: Timed[] = [];
    for (const concurrency of [1, 10]) {
      results.push(
        await timedRequests("volunteers: study + status, by name, page 3", concurrency, REQUESTS, filteredOk),
      );
      results.push(await timedRequests("volunteers: search for part of a name", concurrency, REQUESTS, searchOk));
      results.push(await timedRequests("reference: /api/health", concurrency, REQUESTS, floor));
    }

    const pid = await webServerPid(launcherPid);
    const exported = await measureExport(base, cookie, pid);

    process.stdout.write(`\n${machine()}\n\n${table(results)}\n\n`);
    const worst = Math.max(
      ...results.filter((r) => r.concurrency === 1 && r.scenario.startsWith("volunteers")).map((r) => r.p95),
    );
    process.stdout.write(
      `Volunteers list, one client at a time: worst p95 ${worst.toFixed(0)} ms (target: under ${TARGET_P95_MS} ms): ${worst < TARGET_P95_MS ? "met" : "MISSED"}.\n`,
    );
    if (exported === "missing") {
      process.stdout.write(`export not measured: ${EXPORT_PATH} is not there yet\n`);
    } else {
      const exportTable = markdownTable(
        ["export", "rows:", "size (MB):", "seconds:", "server RSS before (MB):", "peak (MB):", "growth (MB):"],
        [
          [
            EXPORT_PATH,
            exported.rows,
            (exported.bytes / 2 ** 20).toFixed(1),
            exported.seconds.toFixed(1),
            exported.baselineMb.toFixed(0),
            exported.peakMb.toFixed(0),
            exported.growthMb.toFixed(0),
          ],
        ],
      );
      process.stdout.write(`\n${exportTable}\n\n`);
      process.stdout.write(
        `Export: peak memory growth ${exported.growthMb.toFixed(0)} MB (target: under ${TARGET_EXPORT_GROWTH_MB} MB): ${exported.growthMb < TARGET_EXPORT_GROWTH_MB ? "met" : "MISSED"}.\n`,
      );
    }
  });
}
