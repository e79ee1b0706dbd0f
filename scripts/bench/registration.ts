/**
 * `npm run bench`: speed of the real registration endpoint against a production build on the embedded
 * database, next to the floor (a route handler doing one INSERT), at 1, 10 and 50 concurrent clients.
 *
 * Registration is measured as a browser without JavaScript uses it: each request is the final POST of
 * the check-your-answers form, with its own registration cookie (a draft prepared in the database),
 * answered with a 303 to the confirmation page. Both scenarios run in the same run on the same machine,
 * so their ratio means something even on a shared, noisy machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { validAnswers } from "../../tests/support/registration-answers";

const PORT = 3200;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/bench-postgres";
const DB_PORT = 54359;
const LEVELS = process.argv.includes("--quick")
  ? [{ concurrency: 50, requests: 1500 }]
  : [
      { concurrency: 1, requests: 300 },
      { concurrency: 10, requests: 1500 },
      { concurrency: 50, requests: 3000 },
    ];

type Result = {
  scenario: string;
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
};

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
  for (const suffix of [".owner", ".password", ".log"]) await rm(`${DATA_DIR}${suffix}`, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/portal.ts", "start"], {
    stdio: ["ignore", process.env.BENCH_SHOW_SERVER ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(PORT),
      EMBEDDED_DATABASE_DIR: DATA_DIR,
      EMBEDDED_DATABASE_PORT: String(DB_PORT),
      MAIL_CATCHER_SMTP_PORT: "1225",
      MAIL_CATCHER_WEB_PORT: "1280",
      BENCHMARK_ROUTES: "true",
      // One client sends everything here; a real deployment keeps its limits.
      REGISTRATION_RATE_LIMIT: "100000000",
      // Emails are sent by the worker after the response; measured here is what a person waits for.
      RUN_WORKER_IN_APP: "false",
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

/** Registration drafts ready for the final submit, one per request, each a different person. */
async function prepareDrafts(count: number): Promise<string[]> {
  const password = (await readFile(`${DATA_DIR}.password`, "utf8")).trim();
  const client = new pg.Client({
    connectionString: `postgres://portal:${encodeURIComponent(password)}@127.0.0.1:${DB_PORT}/portal`,
  });
  await client.connect();
  const tokens: string[] = [];
  try {
    const { website: _website, ...answers } = validAnswers;
    for (let start = 0; start < count; start += 500) {
      const rows: string[] = [];
      const values: unknown[] = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const token = randomBytes(32).toString("base64url");
        tokens.push(token);
        const n = values.length;
        rows.push(`($${n + 1}, $${n + 2}::jsonb, $${n + 3}, now() + interval '1 day', now())`);
        values.push(
          createHash("sha256").update(token).digest("hex"),
          JSON.stringify({ ...answers, email: `bench.${i}.${randomBytes(4).toString("hex")}@nhs.net` }),
          randomBytes(24).toString("hex"),
        );
      }
      await client.query(
        `insert into registration_drafts (token_hash, answers, submission_key, expires_at, updated_at) values ${rows.join(",")}`,
        values,
      );
    }
  } finally {
    await client.end();
  }
  return tokens;
}

/** The hidden fields of the check-your-answers form: how a browser without JavaScript names the action. */
async function submitFormFields(token: string): Promise<[string, string][]> {
  const html = await (
    await fetch(`${BASE}/register/check-answers`, { headers: { cookie: `registration=${token}` } })
  ).text();
  const form = html.slice(
    html.lastIndexOf("<form", html.indexOf(">Register</button>")),
    html.indexOf(">Register</button>"),
  );
  const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    (m) =>
      [m[1]!.replace(/&amp;/g, "&"), (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as [string, string],
  );
  if (fields.length === 0) throw new Error("Could not find the registration form's fields.");
  return fields;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function load(
  scenario: string,
  concurrency: number,
  requests: number,
  send: (i: number) => Promise<boolean>,
): Promise<Result> {
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

function table(results: Result[]): string {
  const lines = [
    "| scenario | clients | requests | per second | p50 (ms) | p95 (ms) | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.errors} |`,
    ),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) await run("npm", ["run", "--silent", "build"]);
  const portal = await startPortal();
  try {
    const total = LEVELS.reduce((sum, l) => sum + l.requests, 0) + 20;
    const tokens = await prepareDrafts(total);
    const fields = await submitFormFields(tokens.pop()!);
    let cursor = 0;

    const register = async () => {
      const token = tokens[cursor++];
      if (!token) throw new Error("ran out of prepared registrations");
      const body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      const response = await fetch(`${BASE}/register/check-answers`, {
        method: "POST",
        body,
        redirect: "manual",
        // Browsers send Origin with every form post; Next.js checks it against the host.
        headers: { cookie: `registration=${token}`, origin: BASE },
      });
      const size = (await response.arrayBuffer()).byteLength;
      if (process.env.BENCH_DEBUG && cursor < 3)
        process.stderr.write(
          `status ${response.status} bytes ${size} headers ${JSON.stringify([...response.headers])}\n`,
        );
      return response.status === 303 && (response.headers.get("location") ?? "").includes("/register/confirmation");
    };
    const floor = async () => {
      const response = await fetch(`${BASE}/api/bench/insert`, { method: "POST", headers: { "content-length": "0" } });
      await response.arrayBuffer();
      return response.status === 204;
    };

    // Warm up both paths (first requests compile and open connections).
    for (let i = 0; i < 10; i++) {
      await register();
      await floor();
    }

    const results: Result[] = [];
    for (const level of LEVELS) {
      results.push(await load("registration (final submit)", level.concurrency, level.requests, register));
      results.push(await load("floor (one INSERT)", level.concurrency, level.requests, floor));
    }

    const at50 = results.filter((r) => r.concurrency === 50);
    const ratio = at50[0]!.perSecond / at50[1]!.perSecond;
    process.stdout.write(
      `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`,
    );
    process.stdout.write(`${table(results)}\n\n`);
    process.stdout.write(
      `Registration throughput at 50 clients is ${(ratio * 100).toFixed(0)}% of the floor's (target: at least 50%); p95 ${at50[0]!.p95.toFixed(0)} ms (target: under 150 ms).\n`,
    );
  } finally {
    portal.kill("SIGINT");
    await new Promise((r) => portal.once("exit", r));
    await rm(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
