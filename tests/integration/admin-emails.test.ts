import { beforeEach, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/forms/action-error";
import {
  canRetryEmail,
  emailFiltersSchema,
  emailTemplates,
  findOutgoingEmail,
  listOutgoingEmails,
} from "@/lib/email/list-outgoing-emails";
import { retryOutgoingEmail } from "@/lib/email/retry-outgoing-email";
import type { Researcher } from "@/lib/auth/researcher-session";
import { processDueEmails } from "@/lib/email/outbox-worker";
import type { MailTransport } from "@/lib/email/transport";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { aResearcher } from "./support/researchers";
import { testDb } from "./support/test-db";

let researcher: Researcher;

beforeEach(async () => {
  researcher = await aResearcher("RESEARCHER");
});

let made = 0;
async function anEmail(
  overrides: { status?: EmailStatus; template?: string; attempts?: number; createdAt?: Date; lastError?: string } = {},
) {
  made += 1;
  return testDb().outgoingEmail.create({
    data: {
      dedupeKey: `test:${crypto.randomUUID()}`,
      template: overrides.template ?? "invitation",
      toAddress: `person${made}@nhs.net`,
      subject: `Email ${made}`,
      textBody: "Hello <b>there</b>",
      htmlBody: "<p>Hello <b>there</b></p><script>alert(1)</script>",
      status: overrides.status ?? "SENT",
      attempts: overrides.attempts ?? 1,
      lastError: overrides.lastError ?? null,
      createdAt: overrides.createdAt ?? new Date(Date.UTC(2026, 10, 26, 9, made)),
    },
  });
}

const filters = (values: Record<string, string> = {}) => emailFiltersSchema.parse(values);

describe("the outbox view", () => {
  it("lists emails newest first, filtered by status and template, page by page both ways", async () => {
    const emails = [];
    for (let i = 0; i < 5; i++)
      emails.push(
        await anEmail({
          template: i % 2 ? "invitation" : "registration-confirmation",
          status: i === 3 ? "FAILED" : "SENT",
        }),
      );
    const newestFirst = emails.map((e) => e.id).reverse();
    const first = await listOutgoingEmails(testDb(), researcher, filters(), 2);
    expect(first.emails.map((e) => e.id)).toEqual(newestFirst.slice(0, 2));
    const second = await listOutgoingEmails(testDb(), researcher, filters({ before: first.olderThan! }), 2);
    expect(second.emails.map((e) => e.id)).toEqual(newestFirst.slice(2, 4));
    const third = await listOutgoingEmails(testDb(), researcher, filters({ before: second.olderThan! }), 2);
    expect(third.emails.map((e) => e.id)).toEqual(newestFirst.slice(4));
    expect(third.olderThan).toBeNull();
    const back = await listOutgoingEmails(testDb(), researcher, filters({ after: second.newerThan! }), 2);
    expect(back.emails.map((e) => e.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.newerThan).toBeNull();

    expect(
      (await listOutgoingEmails(testDb(), researcher, filters({ status: "FAILED" }))).emails.map((e) => e.id),
    ).toEqual([emails[3]!.id]);
    expect((await listOutgoingEmails(testDb(), researcher, filters({ template: "invitation" }))).emails).toHaveLength(
      2,
    );
    expect(await emailTemplates(testDb(), researcher)).toEqual(["invitation", "registration-confirmation"]);
    expect(filters({ status: "LOST", template: "../x", before: "yesterday" })).toEqual({
      status: undefined,
      template: undefined,
      before: undefined,
      after: undefined,
    });
  });

  it("keeps emails written in the same millisecond apart, by id", async () => {
    const at = new Date("2026-11-26T10:00:00.000Z");
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await anEmail({ createdAt: at })).id);
    const seen: string[] = [];
    let page = await listOutgoingEmails(testDb(), researcher, filters(), 1);
    seen.push(...page.emails.map((e) => e.id));
    while (page.olderThan) {
      page = await listOutgoingEmails(testDb(), researcher, filters({ before: page.olderThan }), 1);
      seen.push(...page.emails.map((e) => e.id));
    }
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("shows one email's text and attachments, never loading its HTML", async () => {
    const email = await anEmail();
    await testDb().emailAttachment.create({
      data: {
        emailId: email.id,
        filename: "consent.pdf",
        contentType: "application/pdf",
        content: new Uint8Array(1234),
      },
    });
    const found = await findOutgoingEmail(testDb(), researcher, email.id);
    expect(found).toMatchObject({
      textBody: "Hello <b>there</b>",
      attachments: [{ filename: "consent.pdf", contentType: "application/pdf", size: 1234 }],
    });
    expect(found).not.toHaveProperty("htmlBody");
    expect(await findOutgoingEmail(testDb(), researcher, "nope")).toBeNull();
    expect(await findOutgoingEmail(testDb(), researcher, crypto.randomUUID())).toBeNull();
  });
});

describe("retrying an email", () => {
  it("puts a failed email back in the queue with fresh attempts, audited, and the worker sends it", async () => {
    const email = await anEmail({ status: "FAILED", attempts: 20, lastError: "Connection refused" });
    await retryOutgoingEmail(testDb(), researcher, { emailId: email.id });
    const queued = await testDb().outgoingEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(queued).toMatchObject({ status: "PENDING", attempts: 0, lockedAt: null });
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "email.retried" } });
    expect(event).toMatchObject({
      actorId: researcher.id,
      subjectType: "outgoing_email",
      subjectId: email.id,
      data: { previousStatus: "FAILED", previousAttempts: 20 },
    });

    const sent: string[] = [];
    const transport = {
      sendMail: async (m: { to: string }) => (sent.push(m.to), { messageId: "<id@test>" }),
    } as unknown as MailTransport;
    expect(
      await processDueEmails({ db: testDb(), transport, from: "portal@test", baseDelaySeconds: 30 }),
    ).toMatchObject({ sent: 1 });
    expect(sent).toEqual([email.toAddress]);
    expect((await testDb().outgoingEmail.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("SENT");
  });

  it("sends a long-waiting email now, keeping its attempts", async () => {
    const email = await anEmail({ status: "PENDING", attempts: 3, createdAt: new Date(Date.now() - 3_600_000) });
    await testDb().outgoingEmail.update({
      where: { id: email.id },
      data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });
    await retryOutgoingEmail(testDb(), researcher, { emailId: email.id });
    const queued = await testDb().outgoingEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(queued.attempts).toBe(3);
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("refuses emails that are sent, being sent, cancelled or only just written, and unknown ids", async () => {
    for (const [status, message] of [
      ["SENT", "This email has already been sent."],
      ["SENDING", "This email is being sent now."],
      ["CANCELLED", "This email was cancelled, so it cannot be sent."],
    ] as const) {
      const email = await anEmail({ status });
      await expect(retryOutgoingEmail(testDb(), researcher, { emailId: email.id })).rejects.toThrow(message);
    }
    const fresh = await anEmail({ status: "PENDING", attempts: 0, createdAt: new Date() });
    await expect(retryOutgoingEmail(testDb(), researcher, { emailId: fresh.id })).rejects.toThrow(ActionError);
    await expect(retryOutgoingEmail(testDb(), researcher, { emailId: crypto.randomUUID() })).rejects.toThrow(
      "That email does not exist.",
    );
    await expect(retryOutgoingEmail(testDb(), researcher, { emailId: "1 or 1=1" })).rejects.toThrow(
      "That email does not exist.",
    );
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("says which emails can be retried", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    expect(canRetryEmail({ status: "FAILED", attempts: 20, createdAt: at(1) }, now)).toBe(true);
    expect(canRetryEmail({ status: "PENDING", attempts: 2, createdAt: at(1) }, now)).toBe(true);
    expect(canRetryEmail({ status: "PENDING", attempts: 0, createdAt: at(11) }, now)).toBe(true);
    expect(canRetryEmail({ status: "PENDING", attempts: 0, createdAt: at(5) }, now)).toBe(false);
    expect(canRetryEmail({ status: "SENT", attempts: 1, createdAt: at(60) }, now)).toBe(false);
  });
});
