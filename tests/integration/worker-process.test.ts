import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { invitedPerson } from "./support/participants";
import { testDb } from "./support/test-db";
import { startTestSmtpServer, type TestSmtpServer } from "./support/test-smtp-server";
import { freePort } from "../support/free-port";

/**
 * The separate worker (npm run worker) as real processes: `node --import tsx scripts/worker.ts` against
 * this file's database and a test mail server on a free port, killed and restarted as a deployment would.
 */

type Worker = { child: ChildProcess; lines: string[]; name: string; exited: Promise<number | null> };

/** What the test saw, in order with the workers' own lines, for the printed excerpt. */
const narration: string[] = [];
function note(line: string): void {
  narration.push(`${new Date().toISOString()} ${line}`);
}

const running: Worker[] = [];
const servers: TestSmtpServer[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await w.exited;
  }
  for (const s of servers.splice(0)) await s.close();
  narration.splice(0);
});

function spawnWorker(name: string, env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL!,
      EMAIL_RETRY_BASE_SECONDS: "1",
      // Reminders and retention run once at start, then not again during a test.
      JOB_INTERVAL_SECONDS: "3600",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffered = "";
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    const complete = parts.filter((l) => l.trim() !== "");
    lines.push(...complete);
    narration.push(...complete.map((l) => `[${name}] ${l}`));
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  // "close", not "exit": a process can exit before the last of its output has been read from the pipe.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const worker = { child, lines, name, exited };
  running.push(worker);
  return worker;
}

/** The worker's log lines (JSON), for assertions and for the excerpt printed with the test. */
function logOf(w: Worker): Record<string, unknown>[] {
  return w.lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

function printExcerpt(title: string): void {
  process.stdout.write(`\n--- ${title} ---\n${narration.splice(0).join("\n")}\n`);
}

async function smtpServer(port: number): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(port);
  servers.push(server);
  return server;
}

let counter = 0;
async function enqueueTestEmails(n: number): Promise<string[]> {
  const subjects: string[] = [];
  await testDb().$transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      counter += 1;
      const subject = `Worker test ${counter}`;
      subjects.push(subject);
      await enqueueEmail(tx, {
        dedupeKey: `worker-test:${counter}`,
        template: "test",
        to: `person.${counter}@example.nhs.uk`,
        subject,
        text: subject,
        html: `<p>${subject}</p>`,
      });
    }
  });
  return subjects;
}

const emails = () => testDb().outgoingEmail.findMany({ orderBy: { createdAt: "asc" } });

describe("npm run worker", () => {
  it("refuses to start without DATABASE_URL or SMTP_URL, or with a database it cannot reach, in one line naming the host, never the password", async () => {
    const noDb = spawnWorker("no-db", { DATABASE_URL: "", SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(await noDb.exited).toBe(1);
    expect(noDb.lines).toEqual([expect.stringContaining("DATABASE_URL is not set")]);

    const noSmtp = spawnWorker("no-smtp", {});
    expect(await noSmtp.exited).toBe(1);
    expect(noSmtp.lines).toEqual([expect.stringContaining("SMTP_URL is not set")]);

    const unreachable = spawnWorker("unreachable", {
      DATABASE_URL: "postgres://portal:Sup3r-Secret@127.0.0.1:1/portal",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.lines).toEqual([
      expect.stringContaining("Cannot connect to the database at 127.0.0.1:1/portal"),
    ]);
    expect(unreachable.lines.join("\n")).not.toContain("Sup3r-Secret");
  });

  it("keeps what is queued while the mail server is down and sends each email exactly once when it returns", async () => {
    const port = await freePort();
    const subjects = await enqueueTestEmails(5);
    const worker = spawnWorker("worker", { SMTP_URL: `smtp://127.0.0.1:${port}` });

    // Nothing listens yet: every email is tried, fails and waits for its retry.
    await vi.waitFor(
      async () => expect((await emails()).every((e) => e.status === "PENDING" && e.attempts >= 2)).toBe(true),
      { timeout: 20_000, interval: 200 },
    );
    expect((await emails())[0]!.lastError).toContain("ECONNREFUSED");

    note("[test] the mail server starts");
    const server = await smtpServer(port);
    await vi.waitFor(async () => expect((await emails()).every((e) => e.status === "SENT")).toBe(true), {
      timeout: 30_000,
      interval: 200,
    });
    expect(server.accepted().sort()).toEqual([...subjects].sort());
    expect(server.received).toHaveLength(5);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    const log = logOf(worker);
    expect(log.filter((l) => l.msg === "email not sent; will retry").every((l) => l.job === "outbox")).toBe(true);
    expect(log.filter((l) => l.msg === "email sent")).toHaveLength(5);
    expect(worker.lines.join("\n")).not.toContain("@example.nhs.uk");
    printExcerpt("mail server down, then back");
  }, 60_000);

  it("killed mid-send: after the lease a second worker sends the email; delivered at most twice, marked sent once", async () => {
    const port = await freePort();
    const server = await smtpServer(port);
    server.stall(true);
    const [subject] = await enqueueTestEmails(1);
    const first = spawnWorker("worker-1", { SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_LEASE_SECONDS: "3" });

    // The message has reached the mail server, which holds its reply: the worker is mid-send.
    await vi.waitFor(() => expect(server.received).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect(await emails()).toMatchObject([{ status: "SENDING", attempts: 1 }]);
    note(
      "[test] the mail server has the whole message and holds its reply; the email is SENDING, attempt 1: SIGKILL worker-1",
    );
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    note("[test] worker-1 is dead; starting worker-2 (lease 3 seconds)");
    server.stall(false);
    expect(await emails()).toMatchObject([{ status: "SENDING", attempts: 1, sentAt: null }]);

    const second = spawnWorker("worker-2", { SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_LEASE_SECONDS: "3" });
    await vi.waitFor(async () => expect((await emails())[0]!.status).toBe("SENT"), { timeout: 20_000, interval: 100 });
    const [row] = await emails();
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lockedAt: null, lastError: null });
    // Delivered at most twice: the killed worker's copy reached the server unanswered; the second was accepted.
    expect(server.received.length).toBeLessThanOrEqual(2);
    expect(server.received.every((m) => m.subject === subject)).toBe(true);
    expect(server.accepted()).toEqual([subject]);
    expect(
      logOf(second).filter((l) => l.msg === "email sent" && l.emailId === row!.id && l.job === "outbox"),
    ).toHaveLength(1);

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    // Marked sent exactly once, and nothing more is claimed afterwards.
    expect(await emails()).toMatchObject([{ status: "SENT", attempts: 2 }]);
    note(
      `[test] email ${row!.id}: ${JSON.stringify(await emails().then((r) => ({ status: r[0]!.status, attempts: r[0]!.attempts })))}; DATA received ${server.received.length} times, accepted ${server.accepted().length}`,
    );
    printExcerpt("worker killed mid-send");
  }, 60_000);

  it("on SIGTERM finishes the email it is sending before it exits", async () => {
    const port = await freePort();
    const server = await smtpServer(port);
    server.stall(true);
    const [subject] = await enqueueTestEmails(1);
    const worker = spawnWorker("worker", { SMTP_URL: `smtp://127.0.0.1:${port}` });
    await vi.waitFor(() => expect(server.received).toHaveLength(1), { timeout: 20_000, interval: 50 });

    worker.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    expect(worker.child.exitCode).toBeNull();
    server.release();
    expect(await worker.exited).toBe(0);
    expect(await emails()).toMatchObject([{ status: "SENT", attempts: 1 }]);
    expect(server.accepted()).toEqual([subject]);
    const messages = logOf(worker).map((l) => l.msg);
    expect(messages.indexOf("email sent")).toBeLessThan(messages.indexOf("worker stopped"));
  }, 60_000);

  it("two workers at once send every email and every due reminder exactly once", async () => {
    await seedDatabase(testDb(), { demoResearcher: false });
    const people = await Promise.all(Array.from({ length: 4 }, () => invitedPerson()));
    // Invited eight days ago: each is due a first reminder, which both workers' first passes will find.
    await testDb()
      .$executeRaw`update participations set invited_at = invited_at - interval '8 days' where invited_at is not null`;
    await testDb().$executeRaw`update access_tokens set created_at = created_at - interval '8 days'`;
    const subjects = await enqueueTestEmails(30);

    const port = await freePort();
    const server = await smtpServer(port);
    const workers = [1, 2].map((n) => spawnWorker(`worker-${n}`, { SMTP_URL: `smtp://127.0.0.1:${port}` }));
    await vi.waitFor(
      async () => {
        const rows = await emails();
        expect(rows.filter((e) => e.template === "invitation-reminder")).toHaveLength(4);
        expect(rows.every((e) => e.status === "SENT")).toBe(true);
      },
      { timeout: 40_000, interval: 200 },
    );
    for (const w of workers) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    const rows = await emails();
    expect(rows.every((e) => e.attempts === 1)).toBe(true);
    const accepted = server.accepted();
    expect(server.received).toHaveLength(rows.length);
    // Each (recipient, subject) once: invitations and reminders share a subject across people.
    const deliveries = server.received.map((m) => `${m.to} ${m.subject}`);
    expect(new Set(deliveries).size).toBe(deliveries.length);
    expect(accepted).toHaveLength(rows.length);
    for (const s of subjects) expect(accepted.filter((a) => a === s)).toHaveLength(1);
    expect(accepted.filter((a) => a.startsWith("Reminder:"))).toHaveLength(4);
    expect(await testDb().auditEvent.count({ where: { action: "participation.reminder_sent" } })).toBe(people.length);
    // Both did some of the sending (not proof of anything, but the test means little if one did it all).
    const sentBy = workers.map((w) => logOf(w).filter((l) => l.msg === "email sent").length);
    expect(sentBy[0]! + sentBy[1]!).toBe(rows.length);
  }, 90_000);
});
