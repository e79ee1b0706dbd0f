/**
 * The third benchmark of `npm run bench` (on the same build as the others): the portal under a mix of
 * what people do at once, and the JavaScript each public page sends to the browser.
 *
 * 1. Mixed load, against a production build started by the real launcher on its own embedded database
 *    (5,000 volunteers seeded, so the dashboard's list has thousands of rows to page through). Closed
 *    loop: each client starts its next action when its last request is answered, at 1, 5, 10, 20, 50 and
 *    100 clients, for a fixed time per level. An action is, by a fixed-seed draw:
 *      - 40% landing page: GET /;
 *      - 20% registration: the final no-JavaScript submit of check-your-answers (as registration.ts sends it),
 *        each one a different person whose draft was prepared in the database;
 *      - 20% consent: a different invited person each time opens their consent page, posts their answers
 *        (the no-JavaScript "Continue", answered with the review), then "Confirm and sign" (answered with
 *        a 303 to their manage page): three requests, each sent when the last is answered;
 *      - 20% the dashboard's volunteers list, with a signed-in researcher's session.
 *    Reported per level: requests, requests per second, p50 and p95 overall and per kind of request, and
 *    the error rate (a status or answer other than the expected one, a network error, or no answer in
 *    30 s); then the first level where the overall p95 passes 500 ms.
 * 2. Page weight: each public page loaded in Chromium (Playwright, Debian's browser) with an empty cache,
 *    summing every script response: bytes as transferred (the server's own compression, when it sends
 *    one) and uncompressed, and the gzip size computed here (level 6, what `next start` uses), so the
 *    figure means the same whether or not the server in front compresses.
 *
 * The load generator is a small closed-loop driver on Node's fetch (undici), not autocannon: the consent
 * action is three dependent requests, each built from the HTML of the last (the server action's hidden
 * fields and the bound link are per person), and every registration needs its own cookie; autocannon's
 * fixed request lists do not express that, and its latencies would not be split by kind.
 *
 * Options (of scripts/bench/run.ts): --quick (short levels, for trying the script out), --only=load or
 * --only=weight. BENCH_SHOW_SERVER=1 shows the portal's output; BENCH_SHOW_SCRIPTS=1 lists each
 * page's scripts with their sizes (uncompressed, gzip).
 */
import os from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import type pg from "pg";
import { QUICK, machine, markdownTable, percentile, secondsSince, withPortal } from "./harness";
import { createResearcherSession, seedVolunteers } from "./dashboard-data";
import { formData, formInputs, hiddenFields, post, registrationFields, request, submitRegistration } from "./forms";
import { prepareInvitedPeople, prepareManageLink, prepareRegistrationDrafts } from "./load-data";

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 5_000);
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const LEVELS = [1, 5, 10, 20, 50, 100];
const SECONDS_PER_LEVEL = QUICK ? 3 : 15;
const P95_LIMIT_MS = 500;
const JS_TARGET_KB = 100;
// Enough for the fastest level seen so far (about 300 registrations per second on their own) with room.
const DRAFTS = QUICK ? 3_000 : 12_000;
const INVITED = QUICK ? 2_000 : 8_000;

const KINDS = [
  "landing",
  "registration submit",
  "consent: open",
  "consent: review",
  "consent: sign",
  "volunteers list",
] as const;
type Kind = (typeof KINDS)[number];
/** One request: its kind, how long it took, whether it was answered as expected, and when the answer came. */
type Sample = { kind: Kind; ms: number; ok: boolean; at: number; outcome: string };
/** What a request's answer was: its status (and whether it was the expected one), or why there was none. */
type Answer = { status: number; ok: boolean };

// --- The mixed load --------------------------------------------------------------------------------------

type Prepared = {
  drafts: string[];
  invited: string[];
  registrationFields: [string, string][];
  researcherCookies: string[];
};

/** A small fixed-seed generator (mulberry32), so every run draws the same mix. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function actions(base: string, prepared: Prepared) {
  const timed = async (samples: Sample[], kind: Kind, send: () => Promise<Answer>): Promise<boolean> => {
    const started = performance.now();
    const answer = await send().then(
      (a) => ({
        ok: a.ok,
        outcome: a.ok ? "" : `${a.status}${a.status === 200 || a.status === 303 ? " not as expected" : ""}`,
      }),
      (error: unknown) => ({
        ok: false,
        outcome: error instanceof Error && error.name === "TimeoutError" ? "no answer in 30 s" : "network error",
      }),
    );
    const at = performance.now();
    samples.push({ kind, ms: at - started, at, ...answer });
    return answer.ok;
  };
  const take = (list: string[], what: string) => {
    const item = list.pop();
    if (!item) throw new Error(`ran out of prepared ${what}: raise their number in scripts/bench/load.ts`);
    return item;
  };
  let researcher = 0;

  return {
    landing: (samples: Sample[]) =>
      timed(samples, "landing", async () => {
        const r = await request(`${base}/`);
        return { status: r.status, ok: r.status === 200 && r.html.includes('href="/register"') };
      }),

    registration: (samples: Sample[]) => {
      const token = take(prepared.drafts, "registrations");
      return timed(samples, "registration submit", () => submitRegistration(base, prepared.registrationFields, token));
    },

    consent: async (samples: Sample[]) => {
      const url = `${base}/consent/${take(prepared.invited, "invited people")}`;
      let answers: [string, string][] = [];
      const opened = await timed(samples, "consent: open", async () => {
        const r = await request(url);
        const inputs = formInputs(r.html, 'name="consentFormId"');
        // Every required statement agreed, every optional one answered "no", and the typed name.
        const statements = new Map<string, string>();
        for (const input of inputs) {
          if (input.name.startsWith("statement-")) statements.set(input.name, input.type === "checkbox" ? "yes" : "no");
        }
        answers = [...hiddenFields(inputs), ...statements, ["signedName", "Invited Person"], ["step", "review"]];
        return { status: r.status, ok: r.status === 200 && statements.size > 0 };
      });
      if (!opened) return;
      let signing: [string, string][] = [];
      const reviewed = await timed(samples, "consent: review", async () => {
        const r = await post(url, formData(answers));
        signing = [...hiddenFields(formInputs(r.html, 'value="sign"')), ["step", "sign"]];
        return {
          status: r.status,
          ok: r.status === 200 && r.html.includes("Check your answers before you sign") && signing.length > 2,
        };
      });
      if (!reviewed) return;
      await timed(samples, "consent: sign", async () => {
        const r = await post(url, formData(signing));
        return { status: r.status, ok: r.status === 303 && /\/manage\/[A-Za-z0-9_-]{43}\?signed=/.test(r.location) };
      });
    },

    volunteers: (samples: Sample[]) => {
      // A research team is a handful of people: the list's requests are spread over their sessions.
      const cookie = prepared.researcherCookies[researcher++ % prepared.researcherCookies.length]!;
      return timed(samples, "volunteers list", async () => {
        const r = await request(`${base}/admin/volunteers?study=interview-study&status=eligible&sort=name&page=3`, {
          headers: { cookie },
        });
        // Page 3 links to page 4 (React splits "Page 3 of N" into text nodes, so that is not searched for).
        return { status: r.status, ok: r.status === 200 && r.html.includes("sort=name&amp;page=4") };
      });
    },
  };
}

/**
 * `answeredInWindow`: requests answered within the level's fixed time, which gives the throughput (the
 * actions that run on past it, with fewer and fewer clients, would understate it). Latencies and errors
 * count every request. `driverCpu`: the share of one CPU the load generator itself used.
 */
type LevelResult = { clients: number; seconds: number; samples: Sample[]; answeredInWindow: number; driverCpu: number };

async function runLevel(clients: number, act: ReturnType<typeof actions>): Promise<LevelResult> {
  const samples: Sample[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS_PER_LEVEL * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const draw = random(1000 * clients + client);
      // An action started before the deadline runs to its end (a consent journey is not cut in half).
      while (performance.now() < deadline) {
        const x = draw();
        if (x < 0.4) await act.landing(samples);
        else if (x < 0.6) await act.registration(samples);
        else if (x < 0.8) await act.consent(samples);
        else await act.volunteers(samples);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    clients,
    seconds,
    samples,
    answeredInWindow: samples.filter((s) => s.at <= deadline).length,
    driverCpu: (used.user + used.system) / 1e6 / seconds,
  };
}

const sortedMs = (samples: Sample[]) => samples.map((s) => s.ms).sort((a, b) => a - b);
const ms = (n: number) => (Number.isNaN(n) ? "–" : n.toFixed(n < 100 ? 1 : 0));

function levelTable(results: LevelResult[]): string {
  return markdownTable(
    ["clients:", "requests:", "req/s:", "p50 (ms):", "p95 (ms):", "errors:", "load generator CPU:"],
    results.map((r) => {
      const sorted = sortedMs(r.samples);
      const errors = r.samples.filter((s) => !s.ok).length;
      return [
        r.clients,
        r.samples.length,
        (r.answeredInWindow / SECONDS_PER_LEVEL).toFixed(0),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        `${((100 * errors) / Math.max(1, r.samples.length)).toFixed(1)}%`,
        `${(100 * r.driverCpu).toFixed(0)}%`,
      ];
    }),
  );
}

function kindTable(results: LevelResult[]): string {
  return markdownTable(
    ["request", ...results.map((r) => `${r.clients}: p50 / p95 (ms):`)],
    KINDS.map((kind) => [
      kind,
      ...results.map((r) => {
        const own = r.samples.filter((s) => s.kind === kind);
        const sorted = sortedMs(own);
        const errors = own.filter((s) => !s.ok).length;
        return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))}${errors ? ` (${errors} err)` : ""}`;
      }),
    ]),
  );
}

async function mixedLoad(base: string, client: pg.Client): Promise<string> {
  const seedStarted = performance.now();
  const drafts = await prepareRegistrationDrafts(client, DRAFTS);
  const invited = await prepareInvitedPeople(client, INVITED);
  const researcherCookies: string[] = [];
  for (let i = 0; i < 5; i++) researcherCookies.push(`authjs.session-token=${await createResearcherSession(client)}`);
  await client.query("analyze");
  process.stdout.write(
    `Prepared ${DRAFTS} registration drafts and ${INVITED} invited people in ${secondsSince(seedStarted)} s.\n`,
  );

  const formFields = await registrationFields(base, drafts.at(-1)!);
  const act = actions(base, { drafts, invited, registrationFields: formFields, researcherCookies });
  // Warm up every path (the first requests load code and open connections), and check each answers as expected.
  const warm: Sample[] = [];
  for (let i = 0; i < 5; i++) {
    await act.landing(warm);
    await act.registration(warm);
    await act.consent(warm);
    await act.volunteers(warm);
  }
  const failed = [...new Set(warm.filter((s) => !s.ok).map((s) => s.kind))];
  if (failed.length) throw new Error(`Warming up, these did not answer as expected: ${failed.join(", ")}.`);

  const results: LevelResult[] = [];
  for (const clients of LEVELS) {
    results.push(await runLevel(clients, act));
    const last = results.at(-1)!;
    process.stdout.write(
      `  ${clients} clients: ${last.samples.length} requests, the last answered after ${last.seconds.toFixed(1)} s\n`,
    );
    // A short pause, so that one level's stragglers and the database's checkpoints settle before the next.
    await new Promise((r) => setTimeout(r, 2_000));
  }

  const errorLines = results.flatMap((r) => {
    const counts = new Map<string, number>();
    for (const sample of r.samples)
      if (!sample.ok)
        counts.set(`${sample.kind}: ${sample.outcome}`, (counts.get(`${sample.kind}: ${sample.outcome}`) ?? 0) + 1);
    return counts.size
      ? [`- ${r.clients} clients: ${[...counts].map(([what, n]) => `${n} × ${what}`).join("; ")}`]
      : [];
  });
  const passed = results.find((r) => percentile(sortedMs(r.samples), 95) > P95_LIMIT_MS);
  return [
    `Mixed load: ${SECONDS_PER_LEVEL} s per level; actions 40% landing, 20% registration, 20% consent (open, review, sign), 20% volunteers list. ` +
      `req/s counts the requests answered within the ${SECONDS_PER_LEVEL} s; requests, percentiles and errors count every request, ` +
      "including those of actions started in time and finished after it. Load generator CPU: its own use, as a share of one CPU.",
    "",
    levelTable(results),
    "",
    "Per kind of request, p50 / p95 (ms) at each number of clients:",
    "",
    kindTable(results),
    "",
    errorLines.length ? `Errors:\n${errorLines.join("\n")}\n` : "No errors.\n",
    passed
      ? `The overall p95 first passes ${P95_LIMIT_MS} ms at ${passed.clients} clients (${ms(percentile(sortedMs(passed.samples), 95))} ms).`
      : `The overall p95 does not pass ${P95_LIMIT_MS} ms: not reached up to ${LEVELS.at(-1)} clients.`,
  ].join("\n");
}

// --- Page weight ------------------------------------------------------------------------------------------

type Weight = {
  page: string;
  files: number;
  transferred: number;
  gzip: number;
  uncompressed: number;
  encodings: Set<string>;
  html: number;
};

async function measurePage(
  browser: Browser,
  base: string,
  label: string,
  path: string,
  cookie?: { name: string; value: string },
): Promise<Weight> {
  // A fresh context for each page: an empty cache, as for someone arriving from a link in an email.
  const context = await browser.newContext({ baseURL: base });
  if (cookie) await context.addCookies([{ ...cookie, url: base }]);
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: Weight = {
    page: label,
    files: 0,
    transferred: 0,
    gzip: 0,
    uncompressed: 0,
    encodings: new Set(),
    html: 0,
  };
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "document") return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return;
        const sizes = await response.request().sizes();
        if (type === "document") {
          weight.html += gzipSync(body, { level: 6 }).length;
          return;
        }
        weight.files++;
        if (process.env.BENCH_SHOW_SCRIPTS)
          process.stdout.write(`${label}\t${response.url()}\t${body.length}\t${gzipSync(body, { level: 6 }).length}\n`);
        weight.uncompressed += body.length;
        weight.gzip += gzipSync(body, { level: 6 }).length;
        weight.transferred += sizes.responseBodySize;
        weight.encodings.add((await response.headerValue("content-encoding")) ?? "none");
      })(),
    );
  });
  const response = await page.goto(path, { waitUntil: "networkidle" });
  if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  await Promise.all(pending);
  await context.close();
  return weight;
}

async function pageWeight(base: string, client: pg.Client): Promise<string> {
  const [draft] = await prepareRegistrationDrafts(client, 1);
  const [submitted] = await prepareRegistrationDrafts(client, 1);
  const [invited] = await prepareInvitedPeople(client, 1);
  const manage = await prepareManageLink(client, invited!);
  // The confirmation page needs a submitted registration: submitted here as a browser without JavaScript would.
  const sent = await submitRegistration(base, await registrationFields(base, submitted!), submitted!);
  if (!sent.ok) throw new Error(`The registration for the page-weight check answered ${sent.status}.`);

  const registration = (value: string) => ({ name: "registration", value });
  const pages: [string, string, { name: string; value: string }?][] = [
    ["landing", "/"],
    ["register: start", "/register"],
    ["register: about you", "/register/about-you", registration(draft!)],
    ["register: your work", "/register/your-work", registration(draft!)],
    ["register: international experience", "/register/international-experience", registration(draft!)],
    ["register: taking part", "/register/taking-part", registration(draft!)],
    ["register: check answers", "/register/check-answers", registration(draft!)],
    ["register: confirmation", "/register/confirmation", registration(submitted!)],
    ["privacy notice", "/privacy"],
    ["accessibility statement", "/accessibility"],
    ["information sheet", "/studies/interview-study/information-sheet"],
    ["consent form", `/consent/${invited}`],
    ["manage your participation", `/manage/${manage}`],
    ["sign-in", "/sign-in"],
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const weights: Weight[] = [];
  try {
    for (const [label, path, cookie] of pages) weights.push(await measurePage(browser, base, label, path, cookie));
  } finally {
    await browser.close();
  }

  const kb = (n: number) => (n / 1000).toFixed(1);
  const encodings = new Set(weights.flatMap((w) => [...w.encodings]));
  const compressedByServer = !encodings.has("none");
  const targeted = (w: Weight) => w.page === "landing" || w.page.startsWith("register");
  const compressed = (w: Weight) => (compressedByServer ? w.transferred : w.gzip);
  const lines = [
    `Page weight: JavaScript per page, every script response summed (fresh browser context, Chromium). Content-Encoding of the scripts as served: ${[...encodings].join(", ")}.` +
      (compressedByServer
        ? ""
        : ' The server did not compress them all, so "compressed" is their gzip size (level 6) computed here.'),
    "",
    markdownTable(
      [
        "page",
        "JS files:",
        "compressed (kB):",
        "own gzip -6 (kB):",
        "uncompressed (kB):",
        "HTML, gzip (kB):",
        `under ${JS_TARGET_KB} kB?`,
      ],
      weights.map((w) => [
        w.page,
        w.files,
        kb(compressed(w)),
        kb(w.gzip),
        kb(w.uncompressed),
        kb(w.html),
        targeted(w) ? (compressed(w) < JS_TARGET_KB * 1000 ? "yes" : "**no**") : "(no target)",
      ]),
    ),
    "",
  ];
  const missed = weights.filter((w) => targeted(w) && compressed(w) >= JS_TARGET_KB * 1000);
  lines.push(
    missed.length === 0
      ? `Target (under ${JS_TARGET_KB} kB compressed on the landing and registration pages): met.`
      : `Target (under ${JS_TARGET_KB} kB compressed on the landing and registration pages): MISSED on ${missed.map((w) => w.page).join(", ")}.`,
  );
  return lines.join("\n");
}

export async function loadBenchmark(): Promise<void> {
  const env = {
    // One client address sends everything here; a real deployment keeps its limits.
    REGISTRATION_RATE_LIMIT: "100000000",
    TOKEN_LINK_RATE_LIMIT: "100000000",
  };
  const reports = await withPortal("load", env, async ({ base, connect }) => {
    const client = await connect();
    const done: string[] = [];
    try {
      // Before anything else: the seed gives participations to every volunteer already in the table.
      await seedVolunteers(client, VOLUNTEERS);
      // Page weight first, on a quiet server: it measures bytes, not time, but a loaded server could time out.
      if (ONLY !== "load") done.push(await pageWeight(base, client));
      if (ONLY !== "weight") done.push(await mixedLoad(base, client));
    } finally {
      await client.end();
    }
    return done;
  });
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(", ");
  process.stdout.write(
    `\n${machine()}; the load generator runs on the same machine; load average at the end: ${load}\n\n${reports.join("\n\n")}\n`,
  );
}
