import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { seedDatabase } from "@/lib/db/seed";
import { createDraft, findDraft, saveDraftAnswers, submitDraft } from "@/lib/registration/drafts";
import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema, type RegistrationAnswers } from "@/lib/registration/schema";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { validAnswers } from "../support/registration-answers";
import { testDb } from "./support/test-db";

const studies = [
  { slug: "interview-study", kind: "INTERVIEW" },
  { slug: "workshops", kind: "WORKSHOP" },
] as const;

function answers(overrides: Record<string, unknown> = {}): RegistrationAnswers {
  return registrationSchema(studies).parse({ ...validAnswers, ...overrides });
}

async function submit(overrides: Record<string, unknown> = {}, submissionKey = crypto.randomUUID()) {
  return registerInterest(testDb(), {
    answers: answers(overrides),
    studies: await listRecruitingStudies(),
    submissionKey,
    privacyNoticeVersion: "1.0",
    publicUrl: "http://portal.test",
  });
}

async function register(overrides: Record<string, unknown> = {}, submissionKey = crypto.randomUUID()) {
  const outcome = await submit(overrides, submissionKey);
  if (outcome.kind !== "stored") throw new Error(`expected the registration to be stored, not ${outcome.kind}`);
  return outcome;
}

/** A draft filled in as the journey would, ready for the final submit. */
async function filledDraft(overrides: Record<string, unknown> = {}) {
  const { token } = await createDraft();
  const draft = (await findDraft(token))!;
  const { website: _w, ...stepAnswers } = { ...validAnswers, ...overrides };
  await saveDraftAnswers(draft.id, stepAnswers, Boolean(overrides.website));
  return { token, draftId: draft.id };
}

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

describe("registering interest", () => {
  it("stores the volunteer, the submission as given, a participation per study, the email and an audit event", async () => {
    const result = await register();
    const db = testDb();

    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: result.volunteerId } });
    expect(volunteer).toMatchObject({
      emailNormalised: "ada.lovelace@nhs.net",
      fullName: "Ada Lovelace",
      staffGroup: "nurse",
      region: "london",
      partnershipCountry: "Uganda",
    });

    const expression = await db.expressionOfInterest.findUniqueOrThrow({
      where: { id: result.expressionOfInterestId },
    });
    expect(expression.privacyNoticeVersion).toBe("1.0");
    expect(expression.answers).toMatchObject({
      partnershipName: "Ealing–Gulu partnership",
      studies: ["interview-study", "workshops"],
      workshopFormat: "in-person",
    });

    const participations = await db.participation.findMany({
      include: { study: true },
      orderBy: { study: { displayOrder: "asc" } },
    });
    expect(participations.map((p) => [p.study.slug, p.eligibility, p.status])).toEqual([
      ["interview-study", "ELIGIBLE", "ELIGIBLE"],
      ["workshops", "ELIGIBLE", "ELIGIBLE"],
    ]);

    const emails = await db.outgoingEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      toAddress: "ada.lovelace@nhs.net",
      status: "PENDING",
      template: "registration-confirmation",
      volunteerId: volunteer.id,
    });
    expect(emails[0]!.textBody).toContain("Dear Ada Lovelace,");
    expect(emails[0]!.textBody).toContain("You can take part in this study.");
    expect(emails[0]!.htmlBody).toContain('<html lang="en-GB">');
    expect(emails[0]!.htmlBody).not.toMatch(/<img|<script/i);

    const events = await db.auditEvent.findMany();
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([
      ["registration.submitted", result.expressionOfInterestId],
    ]);
    expect(JSON.stringify(events[0]!.data)).not.toContain("ada");
    expect(await verifyAuditChain(db)).toEqual({ intact: true, eventsChecked: 1 });
  });

  it("records why someone cannot take part, per study", async () => {
    const result = await register({
      ihpParticipation: "never",
      partnershipName: "",
      partnershipCountry: "",
      partnershipYears: "",
      otherVolunteering: "past",
    });
    expect(result.outcomes.map((o) => [o.slug, o.eligible])).toEqual([
      ["interview-study", false],
      ["workshops", true],
    ]);
    const interview = await testDb().participation.findFirstOrThrow({ where: { study: { slug: "interview-study" } } });
    expect(interview.status).toBe("INELIGIBLE");
    expect(interview.eligibilityReasons).toEqual([result.outcomes[0]!.reasons[0]]);
    expect(result.outcomes[0]!.reasons[0]).toMatch(/THET-funded/);
  });

  it("updates a person who registers again, keeps their earlier submission, and never duplicates them", async () => {
    await register();
    await register({
      email: "  Ada.Lovelace@NHS.net ",
      introducedLearning: "no",
      jobTitle: "Matron",
      studies: ["interview-study"],
    });
    const db = testDb();
    expect(await db.volunteer.count()).toBe(1);
    expect((await db.volunteer.findFirstOrThrow()).jobTitle).toBe("Matron");
    expect(await db.expressionOfInterest.count()).toBe(2);
    expect(await db.participation.count()).toBe(2);
    const interview = await db.participation.findFirstOrThrow({ where: { study: { slug: "interview-study" } } });
    expect([interview.eligibility, interview.status]).toEqual(["INELIGIBLE", "INELIGIBLE"]);
    expect((await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "registration.submitted",
      "registration.repeated",
    ]);
  });

  it("never moves back someone the team has already invited", async () => {
    await register();
    const db = testDb();
    await db.participation.updateMany({ where: { study: { slug: "interview-study" } }, data: { status: "INVITED" } });
    await register({ introducedLearning: "no" });
    const interview = await db.participation.findFirstOrThrow({ where: { study: { slug: "interview-study" } } });
    expect(interview.status).toBe("INVITED");
    expect(interview.eligibility).toBe("INELIGIBLE");
  });

  it("stores one submission however many times the same one arrives", async () => {
    const key = crypto.randomUUID();
    await register({}, key);
    expect(await submit({}, key)).toEqual({ kind: "already-submitted" });
    const db = testDb();
    expect(await db.expressionOfInterest.count()).toBe(1);
    expect(await db.outgoingEmail.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("keeps typed markup as text, and escapes it in the email", async () => {
    await register({ fullName: `<script>alert("x")</script> Ada` });
    const db = testDb();
    expect((await db.volunteer.findFirstOrThrow()).fullName).toBe(`<script>alert("x")</script> Ada`);
    const email = await db.outgoingEmail.findFirstOrThrow();
    expect(email.htmlBody).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ada");
    expect(email.htmlBody).not.toContain("<script>");
  });

  it("stores nothing at all when any part of it fails", async () => {
    const db = testDb();
    // Make the last-but-one write fail, inside the database itself.
    await db.$executeRawUnsafe(
      `create function fail_insert() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$`,
    );
    await db.$executeRawUnsafe(
      `create trigger fail_outbox before insert on outgoing_emails for each row execute function fail_insert()`,
    );
    try {
      await expect(register()).rejects.toThrow(/outbox unavailable/);
    } finally {
      await db.$executeRawUnsafe(`drop trigger fail_outbox on outgoing_emails`);
      await db.$executeRawUnsafe(`drop function fail_insert()`);
    }
    expect(await db.volunteer.count()).toBe(0);
    expect(await db.expressionOfInterest.count()).toBe(0);
    expect(await db.participation.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("the final submit of a registration draft", () => {
  it("stores the registration once, even when two submits of the same draft race", async () => {
    const { token, draftId } = await filledDraft();
    const parsed = answers();
    const studiesNow = await listRecruitingStudies();
    const outcomes = await Promise.all([
      submitDraft(draftId, parsed, studiesNow),
      submitDraft(draftId, parsed, studiesNow),
      submitDraft(draftId, parsed, studiesNow),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["already-submitted", "already-submitted", "stored"]);
    const db = testDb();
    expect(await db.expressionOfInterest.count()).toBe(1);
    expect(await db.outgoingEmail.count()).toBe(1);
    const draft = (await findDraft(token))!;
    expect(draft.submitted).toBe(true);
    expect(draft.answers).toEqual({});
    expect(draft.outcomes?.map((o) => o.slug)).toEqual(["interview-study", "workshops"]);
    // The personal answers no longer sit in the draft.
    const row = await db.registrationDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(JSON.stringify(row.answers)).not.toContain("Ada");
  });

  it("quietly stores nothing from a bot that filled in the hidden field", async () => {
    const { draftId } = await filledDraft({ website: "http://spam.example" });
    expect((await submitDraft(draftId, answers(), await listRecruitingStudies())).kind).toBe("discarded");
    const db = testDb();
    expect(await db.volunteer.count()).toBe(0);
    expect(await db.outgoingEmail.count()).toBe(0);
  });

  it("does not find a draft from an unknown or tampered token", async () => {
    expect(await findDraft("not-a-real-token")).toBeNull();
    expect(await findDraft("x".repeat(5000))).toBeNull();
    expect(await findDraft(undefined)).toBeNull();
  });
});

describe("the audit chain", () => {
  it("stays intact, in order, when many people register at the same moment", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => register({ email: `person${i}@nhs.net` })));
    const db = testDb();
    expect(await verifyAuditChain(db)).toEqual({ intact: true, eventsChecked: 20 });
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    for (let i = 1; i < events.length; i++) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
  });

  it("is kept by the database even for an event written without a hash", async () => {
    const db = testDb();
    await db.auditEvent.create({ data: { actorType: "SYSTEM", action: "test.first", subjectType: "test" } });
    await db.$executeRawUnsafe(
      `insert into audit_events (actor_type, action, subject_type, hash, previous_hash) values ('SYSTEM', 'test.second', 'test', 'forged', 'forged')`,
    );
    const [first, second] = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(first!.previousHash).toBeNull();
    expect(second!.previousHash).toBe(first!.hash);
    expect(second!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it("shows where someone changed an event behind the portal's back", async () => {
    await register();
    await register({ email: "grace@nhs.net" });
    await register({ email: "mary@nhs.net" });
    const db = testDb();
    expect((await verifyAuditChain(db)).intact).toBe(true);
    const second = (await db.auditEvent.findMany({ orderBy: { id: "asc" } }))[1]!;
    // Only a database superuser can do this; the trigger stops everyone else.
    await db.$executeRawUnsafe(`alter table audit_events disable trigger audit_events_append_only`);
    await db.$executeRawUnsafe(`update audit_events set action = 'registration.tampered' where id = ${second.id}`);
    await db.$executeRawUnsafe(`alter table audit_events enable trigger audit_events_append_only`);
    expect(await verifyAuditChain(db)).toEqual({
      intact: false,
      eventsChecked: 2,
      brokenAtId: second.id.toString(),
      problem: "hash does not match content",
    });
  });
});
