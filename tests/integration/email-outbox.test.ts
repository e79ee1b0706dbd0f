import { afterEach, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { startMailCatcher, type MailCatcher } from "@/lib/dev/mail-catcher";
import { enqueueEmail, type OutgoingEmailInput } from "@/lib/email/enqueue-email";
import { claimDueEmails, markSent } from "@/lib/email/outbox-claims";
import { processDueEmails, startOutboxWorker, wakeOutboxWorker } from "@/lib/email/outbox-worker";
import { createMailTransport, type MailTransport } from "@/lib/email/transport";
import { testDb } from "./support/test-db";
import { freePort } from "../support/free-port";
import { logger } from "@/lib/log/logger";
import { loggedText } from "../support/fail-on-console-error";

// Ports of this file alone (integration test files run in parallel).
const CATCHER_SMTP_PORT = await freePort();
const CATCHER_WEB_PORT = await freePort();
const REJECTING_SMTP_PORT = await freePort();
const NOTHING_LISTENS_PORT = await freePort();
const FROM = "Bi-directional learning research <no-reply@localhost>";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function catcher(): Promise<MailCatcher> {
  const started = await startMailCatcher({ smtpPort: CATCHER_SMTP_PORT, webPort: CATCHER_WEB_PORT });
  cleanups.push(() => started.stop());
  return started;
}

function transportTo(port: number): MailTransport {
  const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
  cleanups.push(() => transport.close());
  return transport;
}

function separateClient(): Database {
  const db = createPrismaClient(process.env.DATABASE_URL!, { maxConnections: 2 });
  cleanups.push(() => db.$disconnect());
  return db;
}

let counter = 0;
function anEmail(overrides: Partial<OutgoingEmailInput> = {}): OutgoingEmailInput {
  counter += 1;
  return {
    dedupeKey: `test:${counter}`,
    template: "test",
    to: `volunteer.${counter}@example.nhs.uk`,
    subject: `Your registration ${counter}`,
    text: `Thank you for registering (${counter}).`,
    html: `<p>Thank you for registering (${counter}).</p>`,
    ...overrides,
  };
}

async function enqueue(email: OutgoingEmailInput): Promise<string> {
  await testDb().$transaction((tx) => enqueueEmail(tx, email));
  const row = await testDb().outgoingEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
  return row.id;
}

const stored = (id: string) => testDb().outgoingEmail.findUniqueOrThrow({ where: { id } });
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

function capturedWarnings(): string[] {
  const lines: string[] = [];
  vi.spyOn(logger, "warn").mockImplementation((...args: unknown[]) => void lines.push(loggedText(args)));
  return lines;
}

describe("sending the outbox", () => {
  it("sends an enqueued email once, with its text, HTML and attachments, and records it as sent", async () => {
    const mail = await catcher();
    const transport = transportTo(CATCHER_SMTP_PORT);
    const email = anEmail({
      attachments: [
        { filename: "information-sheet.txt", contentType: "text/plain", content: new TextEncoder().encode("Sheet") },
      ],
    });
    const id = await enqueue(email);

    const result = await processDueEmails({ db: testDb(), transport, from: FROM, baseDelaySeconds: 30 });
    expect(result).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await processDueEmails({ db: testDb(), transport, from: FROM, baseDelaySeconds: 30 })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });

    const row = await stored(id);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedAt: null, lastError: null });
    expect(row.providerMessageId).toMatch(/^<.+@.+>$/);
    expect(row.sentAt).toBeInstanceOf(Date);

    const caught = mail.messages();
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ to: [email.to], subject: email.subject, text: email.text, html: email.html });
    expect(caught[0]?.from).toContain("no-reply@localhost");
    expect(caught[0]?.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ["information-sheet.txt", "Sheet"],
    ]);
  });

  it("keeps the email for later while the mail server is down, then delivers it exactly once", async () => {
    const warnings = capturedWarnings();
    const transport = transportTo(CATCHER_SMTP_PORT);
    const email = anEmail();
    const id = await enqueue(email);
    const before = new Date();

    expect(await processDueEmails({ db: testDb(), transport, from: FROM, baseDelaySeconds: 30 })).toEqual({
      sent: 0,
      failed: 0,
      retried: 1,
    });
    const waiting = await stored(id);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lockedAt: null, sentAt: null });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime() + 29_000);
    expect(waiting.lastError).toContain("ECONNREFUSED");
    expect(waiting.lastError).not.toContain(email.to);
    expect(warnings.join("\n")).toContain(id);
    expect(warnings.join("\n")).not.toContain(email.to);

    // Not due yet: nothing is tried before its time.
    expect(await processDueEmails({ db: testDb(), transport, from: FROM, baseDelaySeconds: 30 })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });

    const mail = await catcher();
    const later = { db: testDb(), transport, from: FROM, baseDelaySeconds: 30, now: inSeconds(31) };
    expect(await processDueEmails(later)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await processDueEmails(later)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(mail.messages().map((m) => m.subject)).toEqual([email.subject]);
    expect(await stored(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("stores a refusal that quotes the recipient's address without the address", async () => {
    const warnings = capturedWarnings();
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(Object.assign(new Error(`<${address.address}>: no such mailbox`), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(REJECTING_SMTP_PORT, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => refusing.close(() => resolve())));
    const email = anEmail({ to: "Jane.Smith@nhs.net" });
    const id = await enqueue(email);

    await processDueEmails({
      db: testDb(),
      transport: transportTo(REJECTING_SMTP_PORT),
      from: FROM,
      baseDelaySeconds: 30,
    });

    const row = await stored(id);
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toContain("550");
    expect(row.lastError).toContain("[address]");
    expect(row.lastError?.toLowerCase()).not.toContain("jane.smith");
    expect(warnings.join("\n").toLowerCase()).not.toContain("jane.smith");
  });

  it("delivers each email exactly once when two workers send at the same time", async () => {
    const mail = await catcher();
    const emails = Array.from({ length: 20 }, () => anEmail());
    for (const email of emails) await enqueue(email);

    const drain = async (db: Database) => {
      const transport = transportTo(CATCHER_SMTP_PORT);
      let sent = 0;
      for (;;) {
        const result = await processDueEmails({ db, transport, from: FROM, baseDelaySeconds: 30, batchSize: 3 });
        if (result.sent + result.failed + result.retried === 0) return sent;
        sent += result.sent;
      }
    };
    const [first, second] = await Promise.all([drain(separateClient()), drain(separateClient())]);

    expect(first + second).toBe(20);
    expect(
      mail
        .messages()
        .map((m) => m.subject)
        .sort(),
    ).toEqual(emails.map((e) => e.subject).sort());
    const rows = await testDb().outgoingEmail.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("takes over an email whose worker's lease ran out, and leaves one still being sent alone", async () => {
    const mail = await catcher();
    const abandoned = await enqueue(anEmail());
    const inProgress = await enqueue(anEmail());
    await testDb().$executeRaw`update outgoing_emails set status = 'SENDING', attempts = 1,
      locked_at = now() - interval '10 minutes' where id = ${abandoned}::uuid`;
    await testDb().$executeRaw`update outgoing_emails set status = 'SENDING', attempts = 1,
      locked_at = now() - interval '10 seconds' where id = ${inProgress}::uuid`;

    const transport = transportTo(CATCHER_SMTP_PORT);
    expect(
      await processDueEmails({ db: testDb(), transport, from: FROM, baseDelaySeconds: 30, leaseSeconds: 120 }),
    ).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(await stored(abandoned)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await stored(inProgress)).toMatchObject({ status: "SENDING", attempts: 1, sentAt: null });
    expect(mail.messages()).toHaveLength(1);
  });

  it("does not let a worker whose lease ran out overwrite the record of the worker that took over", async () => {
    const id = await enqueue(anEmail());
    const options = { leaseSeconds: 120, maxAttempts: 20, batchSize: 10 };
    const [slow] = await claimDueEmails(testDb(), { ...options, now: null });
    const [takeover] = await claimDueEmails(testDb(), { ...options, now: inSeconds(121) });
    expect(slow?.attempts).toBe(1);
    expect(takeover?.attempts).toBe(2);

    expect(await markSent(testDb(), takeover!, "<takeover@example.org>")).toBe(true);
    expect(await markSent(testDb(), slow!, "<slow@example.org>")).toBe(false);
    expect(await stored(id)).toMatchObject({ status: "SENT", providerMessageId: "<takeover@example.org>" });
  });

  it("never sends a cancelled email", async () => {
    const mail = await catcher();
    const id = await enqueue(anEmail());
    await testDb().outgoingEmail.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: new Date() } });

    const transport = transportTo(CATCHER_SMTP_PORT);
    const result = await processDueEmails({
      db: testDb(),
      transport,
      from: FROM,
      baseDelaySeconds: 30,
      now: inSeconds(86_400),
    });
    expect(result).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(mail.messages()).toHaveLength(0);
    expect(await stored(id)).toMatchObject({ status: "CANCELLED", attempts: 0 });
  });

  it("gives up after the last allowed attempt and says so without personal data", async () => {
    capturedWarnings();
    const errors: string[] = [];
    // This test expects the give-up to be logged as an error (tests/support/fail-on-console-error.ts).
    vi.spyOn(logger, "error").mockImplementation((...args: unknown[]) => void errors.push(loggedText(args)));
    const email = anEmail();
    const id = await enqueue(email);
    const transport = transportTo(NOTHING_LISTENS_PORT);
    const pass = (hoursLater: number) =>
      processDueEmails({
        db: testDb(),
        transport,
        from: FROM,
        baseDelaySeconds: 30,
        maxAttempts: 3,
        now: inSeconds(hoursLater * 3600),
      });

    expect(await pass(0)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await pass(1)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await pass(2)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await pass(3)).toEqual({ sent: 0, failed: 0, retried: 0 });

    const row = await stored(id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lockedAt: null, sentAt: null });
    expect(row.lastError).toContain("ECONNREFUSED");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(id);
    expect(errors[0]).not.toContain(email.to);
  });

  it("gives up on an abandoned email that was on its last attempt instead of trying again", async () => {
    const mail = await catcher();
    const id = await enqueue(anEmail());
    await testDb().$executeRaw`update outgoing_emails set status = 'SENDING', attempts = 3,
      locked_at = now() - interval '10 minutes' where id = ${id}::uuid`;

    const transport = transportTo(CATCHER_SMTP_PORT);
    const result = await processDueEmails({
      db: testDb(),
      transport,
      from: FROM,
      baseDelaySeconds: 30,
      maxAttempts: 3,
    });
    expect(result).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await stored(id)).toMatchObject({ status: "FAILED", attempts: 3, lockedAt: null });
    expect(mail.messages()).toHaveLength(0);
  });
});

describe("the outbox worker loop", () => {
  it("sends at once when woken after a commit, without waiting for the next poll", async () => {
    const mail = await catcher();
    const first = anEmail();
    await enqueue(first);
    // A poll interval far longer than the test: only the first pass and wake-ups can send anything.
    const worker = startOutboxWorker({
      db: testDb(),
      transport: transportTo(CATCHER_SMTP_PORT),
      from: FROM,
      baseDelaySeconds: 30,
      pollIntervalMs: 10 * 60_000,
    });
    cleanups.push(() => worker.stop());
    await vi.waitFor(() => expect(mail.messages()).toHaveLength(1));

    const second = anEmail();
    await enqueue(second);
    wakeOutboxWorker();
    await vi.waitFor(() => expect(mail.messages().map((m) => m.subject)).toEqual([second.subject, first.subject]));

    await worker.stop();
    const third = anEmail();
    await enqueue(third);
    wakeOutboxWorker();
    expect(
      (await stored((await testDb().outgoingEmail.findUniqueOrThrow({ where: { dedupeKey: third.dedupeKey } })).id))
        .status,
    ).toBe("PENDING");
  });
});
