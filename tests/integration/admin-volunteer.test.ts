import { beforeEach, describe, expect, it } from "vitest";
import { eraseVolunteerData, erasedEmailAddress } from "@/lib/volunteers/erase-volunteer-data";
import { ErasureConfirmationError, RecordNotFoundError } from "@/lib/volunteers/errors";
import { exportVolunteerData } from "@/lib/volunteers/export-volunteer-data";
import { overrideEligibilityFormSchema, recordWithdrawalFormSchema } from "@/lib/volunteers/forms";
import { inviteVolunteer } from "@/lib/volunteers/invite-volunteer";
import { loadParticipationOfVolunteer } from "@/lib/volunteers/load-participation";
import { loadVolunteerRecord } from "@/lib/volunteers/load-volunteer-record";
import { clearEligibilityOverride, overrideEligibility } from "@/lib/volunteers/override-eligibility";
import { recordWithdrawal } from "@/lib/volunteers/record-withdrawal";
import { consentRecordPdfForResearcher, verifyVolunteerConsentRecord } from "@/lib/volunteers/volunteer-consent-record";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { NotAllowedError } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { verifyConsentRecord, type ConsentStatementAnswer } from "@/lib/consent/consent-hash";
import { signConsent } from "@/lib/consent/sign-consent";
import { seedDatabase } from "@/lib/db/seed";
import { ParticipationError } from "@/lib/participation/errors";
import { invitedPerson, participationOf, registerPerson } from "./support/participants";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

async function aResearcher(role: "ADMIN" | "RESEARCHER" = "RESEARCHER"): Promise<Researcher> {
  const r = await testDb().researcher.create({
    data: {
      email: `r.${crypto.randomUUID().slice(0, 8)}@imperial.ac.uk`,
      name: role === "ADMIN" ? "Ann Admin" : "Rob Researcher",
      role,
    },
  });
  return { id: r.id, email: r.email, name: r.name, role: r.role, totpEnabled: true };
}

/** Someone invited to the interview study who has signed its consent form. */
async function consentedPerson(overrides: Record<string, unknown> = {}) {
  const person = await invitedPerson(overrides);
  const invitation = await findConsentInvitation(testDb(), person.consentToken);
  if (invitation.kind !== "ready") throw new Error("not ready");
  const values: Record<string, unknown> = { signedName: "Ada Lovelace" };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
  const signed = await signConsent(testDb(), { token: person.consentToken, consentFormId: invitation.form.id, values });
  if (signed.kind !== "signed") throw new Error("not signed");
  return { ...person, recordId: signed.recordId };
}

const eventsNamed = (action: string) => testDb().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("overriding eligibility", () => {
  it("with a reason sets the override, who and when, moves a status that only reflects eligibility, and is audited with ids only", async () => {
    const volunteerId = await registerPerson({ introducedLearning: "no" });
    const before = await participationOf(volunteerId);
    expect(before).toMatchObject({ eligibility: "INELIGIBLE", status: "INELIGIBLE" });
    const actor = await aResearcher();
    const reason = "They introduced a new triage tool: the answer was a misunderstanding (confirmed by phone).";

    await overrideEligibility(testDb(), actor, {
      volunteerId,
      participationId: before.id,
      outcome: "ELIGIBLE",
      reason: `  ${reason} `,
    });

    const after = await participationOf(volunteerId);
    expect(after).toMatchObject({
      eligibility: "INELIGIBLE",
      eligibilityOverride: "ELIGIBLE",
      overrideReason: reason,
      overriddenById: actor.id,
      status: "ELIGIBLE",
    });
    expect(after.overriddenAt).toBeInstanceOf(Date);
    const [event] = await eventsNamed("participation.eligibility_overridden");
    expect(event).toMatchObject({
      actorType: "RESEARCHER",
      actorId: actor.id,
      subjectType: "participation",
      subjectId: before.id,
    });
    expect(event!.data).toMatchObject({
      override: "ELIGIBLE",
      computed: "INELIGIBLE",
      statusBefore: "INELIGIBLE",
      statusAfter: "ELIGIBLE",
    });
    expect(JSON.stringify(event!.data)).not.toContain("triage");
    // Now eligible, they can be invited.
    await inviteVolunteer(testDb(), actor, { volunteerId, participationId: before.id });
    expect((await participationOf(volunteerId)).status).toBe("INVITED");
  });

  it("without a reason is refused, by the form and by the data layer, and changes nothing", async () => {
    const volunteerId = await registerPerson();
    const participation = await participationOf(volunteerId);
    const actor = await aResearcher();
    const form = overrideEligibilityFormSchema.safeParse({
      volunteerId,
      participationId: participation.id,
      outcome: "INELIGIBLE",
      reason: "   ",
    });
    expect(form.success).toBe(false);
    expect(form.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["reason", "Give the reason for overriding their eligibility"],
    ]);
    expect(
      overrideEligibilityFormSchema.safeParse({
        volunteerId,
        participationId: participation.id,
        outcome: "INELIGIBLE",
        reason: "x".repeat(1001),
      }).success,
    ).toBe(false);
    expect(
      overrideEligibilityFormSchema.safeParse({
        volunteerId,
        participationId: participation.id,
        outcome: "INELIGIBLE",
        reason: "x".repeat(1000),
      }).success,
    ).toBe(true);

    for (const reason of ["", "   ", "x".repeat(1001)]) {
      await expect(
        overrideEligibility(testDb(), actor, {
          volunteerId,
          participationId: participation.id,
          outcome: "INELIGIBLE",
          reason,
        }),
      ).rejects.toThrow(ParticipationError);
    }
    expect(await participationOf(volunteerId)).toEqual(participation);
    expect(await eventsNamed("participation.eligibility_overridden")).toEqual([]);
  });

  it("stops an invited person found ineligible from signing: their status follows and their link stops working", async () => {
    const { volunteerId, participationId, consentToken } = await invitedPerson();
    await overrideEligibility(testDb(), await aResearcher(), {
      volunteerId,
      participationId,
      outcome: "INELIGIBLE",
      reason: "Left the NHS last month.",
    });
    expect(await participationOf(volunteerId)).toMatchObject({
      status: "INELIGIBLE",
      eligibilityOverride: "INELIGIBLE",
    });
    expect((await findConsentInvitation(testDb(), consentToken)).kind).toBe("invalid");
  });

  it("leaves a status beyond an invitation (consented) as it is", async () => {
    const { volunteerId, participationId } = await invitedPerson();
    await testDb().participation.update({ where: { id: participationId }, data: { status: "CONSENTED" } });
    await overrideEligibility(testDb(), await aResearcher(), {
      volunteerId,
      participationId,
      outcome: "INELIGIBLE",
      reason: "Left the NHS last month.",
    });
    expect(await participationOf(volunteerId)).toMatchObject({
      status: "CONSENTED",
      eligibilityOverride: "INELIGIBLE",
    });
  });

  it("can be cleared: the computed outcome and its status apply again, audited; clearing nothing is refused", async () => {
    const volunteerId = await registerPerson({ introducedLearning: "no" });
    const participation = await participationOf(volunteerId);
    const actor = await aResearcher();
    await expect(
      clearEligibilityOverride(testDb(), actor, { volunteerId, participationId: participation.id }),
    ).rejects.toThrow(/not overridden/);
    await overrideEligibility(testDb(), actor, {
      volunteerId,
      participationId: participation.id,
      outcome: "ELIGIBLE",
      reason: "Checked with them.",
    });

    await clearEligibilityOverride(testDb(), actor, { volunteerId, participationId: participation.id });

    expect(await participationOf(volunteerId)).toMatchObject({
      eligibility: "INELIGIBLE",
      eligibilityOverride: null,
      overrideReason: null,
      overriddenById: null,
      overriddenAt: null,
      status: "INELIGIBLE",
    });
    const [event] = await eventsNamed("participation.eligibility_override_cleared");
    expect(event).toMatchObject({ actorId: actor.id, subjectId: participation.id });
    expect(event!.data).toMatchObject({
      previousOverride: "ELIGIBLE",
      statusBefore: "ELIGIBLE",
      statusAfter: "INELIGIBLE",
    });
  });

  it("cannot reach another volunteer's participation through this volunteer", async () => {
    const first = await registerPerson();
    const second = await registerPerson();
    const theirs = await participationOf(second);
    const actor = await aResearcher();
    await expect(
      overrideEligibility(testDb(), actor, {
        volunteerId: first,
        participationId: theirs.id,
        outcome: "INELIGIBLE",
        reason: "x",
      }),
    ).rejects.toThrow(RecordNotFoundError);
    await expect(
      clearEligibilityOverride(testDb(), actor, { volunteerId: first, participationId: theirs.id }),
    ).rejects.toThrow(RecordNotFoundError);
    expect(
      await loadParticipationOfVolunteer(testDb(), actor, { volunteerId: first, participationId: theirs.id }),
    ).toBeNull();
    expect(await participationOf(second)).toEqual(theirs);
  });
});

describe("inviting and recording a withdrawal from the volunteer's page", () => {
  it("invites as the researcher, sends a new link on the second press, and refuses what cannot be done with a message", async () => {
    const volunteerId = await registerPerson();
    const participation = await participationOf(volunteerId);
    const actor = await aResearcher();
    expect(await inviteVolunteer(testDb(), actor, { volunteerId, participationId: participation.id })).toEqual({
      kind: "invited",
    });
    expect(await inviteVolunteer(testDb(), actor, { volunteerId, participationId: participation.id })).toEqual({
      kind: "link-resent",
    });
    const events = await testDb().auditEvent.findMany({
      where: { subjectId: participation.id },
      orderBy: { id: "asc" },
    });
    expect(events.filter((e) => e.actorType === "RESEARCHER").map((e) => [e.action, e.actorId])).toEqual([
      ["participation.invited", actor.id],
      ["participation.invitation_resent", actor.id],
    ]);

    const ineligible = await registerPerson({ worksInNhsNow: "no" });
    const theirs = await participationOf(ineligible);
    await expect(
      inviteVolunteer(testDb(), actor, { volunteerId: ineligible, participationId: theirs.id }),
    ).rejects.toThrow(/Only eligible people can be invited/);
    await expect(inviteVolunteer(testDb(), actor, { volunteerId, participationId: theirs.id })).rejects.toThrow(
      RecordNotFoundError,
    );
  });

  it("records a withdrawal told by phone, as the researcher, and refuses another volunteer's study", async () => {
    const { volunteerId, participationId } = await invitedPerson();
    const other = await invitedPerson();
    const actor = await aResearcher();
    await expect(
      recordWithdrawal(testDb(), actor, {
        volunteerId,
        from: other.participationId,
        channel: "phone",
        dataChoice: "KEEP",
        reason: null,
      }),
    ).rejects.toThrow(RecordNotFoundError);
    const form = recordWithdrawalFormSchema.parse({
      volunteerId,
      from: participationId,
      channel: "phone",
      dataChoice: "REMOVE",
      reason: "  Moving abroad ",
    });

    await recordWithdrawal(testDb(), actor, { ...form, reason: form.reason ?? null });

    expect(await testDb().withdrawal.findFirstOrThrow()).toMatchObject({
      participationId,
      method: "RECORDED_BY_RESEARCHER",
      channel: "phone",
      dataChoice: "REMOVE",
      reason: "Moving abroad",
      recordedById: actor.id,
    });
    expect((await participationOf(volunteerId)).status).toBe("WITHDRAWN");
    expect((await participationOf(other.volunteerId)).status).toBe("INVITED");
    await expect(
      recordWithdrawal(testDb(), actor, {
        volunteerId,
        from: participationId,
        channel: "email",
        dataChoice: "KEEP",
        reason: null,
      }),
    ).rejects.toThrow(/already withdrawn/);
  });
});

describe("a volunteer's consent records", () => {
  it("download and verify only under the volunteer they belong to", async () => {
    const mine = await consentedPerson();
    const theirs = await consentedPerson();
    const actor = await aResearcher();

    const pdf = await consentRecordPdfForResearcher(testDb(), actor, {
      volunteerId: mine.volunteerId,
      recordId: mine.recordId,
    });
    expect(Buffer.from(pdf!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(
      await verifyVolunteerConsentRecord(testDb(), actor, { volunteerId: mine.volunteerId, recordId: mine.recordId }),
    ).toEqual({
      recordIntact: true,
      signingAudited: true,
      auditChainIntact: true,
    });

    // Another person's record under this person's address finds nothing.
    expect(
      await consentRecordPdfForResearcher(testDb(), actor, {
        volunteerId: mine.volunteerId,
        recordId: theirs.recordId,
      }),
    ).toBeNull();
    expect(
      await verifyVolunteerConsentRecord(testDb(), actor, { volunteerId: mine.volunteerId, recordId: theirs.recordId }),
    ).toBeNull();
    expect(
      await consentRecordPdfForResearcher(testDb(), actor, {
        volunteerId: mine.volunteerId,
        recordId: crypto.randomUUID(),
      }),
    ).toBeNull();
  });
});

describe("the volunteer's page data", () => {
  it("has every submission newest first in words, each study with its reasons, the timeline and the emails; nothing for an unknown id", async () => {
    const email = `grace.${crypto.randomUUID().slice(0, 6)}@nhs.net`;
    const volunteerId = await registerPerson({ email, fullName: "Grace Hopper", introducedLearning: "no" });
    await registerPerson({ email, fullName: "Grace Hopper", introducedLearning: "yes", jobTitle: "Matron" });
    const { id: participationId } = await participationOf(volunteerId);
    const actor = await aResearcher();
    await inviteVolunteer(testDb(), actor, { volunteerId, participationId });

    const record = await loadVolunteerRecord(testDb(), actor, volunteerId);
    expect(record!.volunteer).toMatchObject({
      fullName: "Grace Hopper",
      email,
      jobTitle: "Matron",
      staffGroup: "Nurse or health visitor",
      region: "London",
    });
    expect(record!.submissions).toHaveLength(2);
    expect(record!.submissions[0]!.submittedAt.getTime()).toBeGreaterThanOrEqual(
      record!.submissions[1]!.submittedAt.getTime(),
    );
    const newest = record!.submissions[0]!.sections.flatMap((s) => s.rows);
    expect(newest.find((r) => r.field === "jobTitle")?.answer).toBe("Matron");
    expect(newest.find((r) => r.field === "introducedLearning")?.answer).toBe("Yes");
    expect(record!.participations.map((p) => [p.study.slug, p.status])).toEqual([
      ["interview-study", "INVITED"],
      ["workshops", "ELIGIBLE"],
    ]);
    expect(record!.timeline.map((e) => e.action)).toEqual([
      "registration.submitted",
      "registration.repeated",
      "participation.invited",
    ]);
    expect(record!.timeline[2]).toMatchObject({ actorType: "RESEARCHER", actorName: "Rob Researcher" });
    expect(record!.emails.map((e) => e.template).sort()).toEqual([
      "invitation",
      "registration-confirmation",
      "registration-confirmation",
    ]);

    expect(await loadVolunteerRecord(testDb(), actor, crypto.randomUUID())).toBeNull();
  });
});

describe("exporting all a volunteer's data (subject access request)", () => {
  it("holds everything about them and nobody else, no token hashes and no attachment bytes, and is audited", async () => {
    const { volunteerId, participationId, recordId } = await consentedPerson({ fullName: "Ada Lovelace" });
    const other = await invitedPerson({ fullName: "Someone Else" });
    const db = testDb();
    const actor = await aResearcher();
    await db.interview.create({
      data: {
        participationId,
        startsAt: new Date(Date.now() + 86_400_000),
        durationMinutes: 35,
        meetingLink: "https://teams.example/meet",
        calendarUid: crypto.randomUUID(),
      },
    });
    const workshops = await participationOf(volunteerId, "workshops");
    const study = await db.study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const session = await db.workshopSession.create({
      data: {
        studyId: study.id,
        title: "Leeds",
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        mode: "IN_PERSON",
        capacity: 10,
      },
    });
    await db.workshopBooking.create({
      data: { workshopSessionId: session.id, participationId: workshops.id, status: "BOOKED" },
    });
    await recordWithdrawal(db, actor, {
      volunteerId,
      from: workshops.id,
      channel: "letter",
      dataChoice: "KEEP",
      reason: null,
    });
    const email = (await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).email;
    await db.registrationDraft.create({
      data: {
        tokenHash: "f".repeat(64),
        submissionKey: crypto.randomUUID(),
        answers: { email: email.toUpperCase(), jobTitle: "Matron" },
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    const data = await exportVolunteerData(db, actor, volunteerId);
    const json = JSON.stringify(data);

    expect(data.volunteer).toMatchObject({ id: volunteerId, fullName: "Ada Lovelace" });
    expect(data.expressionsOfInterest).toHaveLength(1);
    expect(data.expressionsOfInterest[0]!.answers).toMatchObject({ fullName: "Ada Lovelace", jobTitle: "Ward sister" });
    expect(data.registrationDrafts.map((d) => d.answers)).toEqual([{ email: email.toUpperCase(), jobTitle: "Matron" }]);
    expect(json).not.toContain("f".repeat(64));
    expect(data.participations.map((p) => p.study.slug).sort()).toEqual(["interview-study", "workshops"]);
    const interview = data.participations.find((p) => p.id === participationId)!;
    expect(interview.consentRecords.map((r) => r.id)).toEqual([recordId]);
    expect((interview.consentRecords[0]!.statements as unknown as ConsentStatementAnswer[]).length).toBeGreaterThan(3);
    expect(interview.interviews).toHaveLength(1);
    const workshop = data.participations.find((p) => p.id === workshops.id)!;
    expect(workshop.withdrawals).toMatchObject([{ method: "RECORDED_BY_RESEARCHER", channel: "letter" }]);
    expect(workshop.workshopBookings).toMatchObject([{ status: "CANCELLED", session: { title: "Leeds" } }]);
    const confirmation = data.emails.find((e) => e.template === "consent-confirmation")!;
    expect(confirmation.attachments).toMatchObject([{ contentType: "application/pdf" }]);
    expect(confirmation.attachments[0]!.sizeBytes).toBeGreaterThan(1000);
    expect(confirmation).not.toHaveProperty("content");
    expect(data.emails.map((e) => e.template)).toEqual(
      expect.arrayContaining([
        "registration-confirmation",
        "invitation",
        "consent-team-notification",
        "withdrawal-confirmation",
      ]),
    );
    expect(data.accessTokens.length).toBeGreaterThanOrEqual(3);
    expect(data.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "registration.submitted",
        "participation.invited",
        "consent.signed",
        "participation.withdrawn",
      ]),
    );

    // No secrets: a link's hash never leaves the database, for this person or anyone.
    const hashes = (await db.accessToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash);
    expect(hashes.length).toBeGreaterThan(3);
    for (const hash of hashes) expect(json).not.toContain(hash);
    expect(json).not.toContain("tokenHash");
    // Nobody else's data.
    expect(json).not.toContain("Someone Else");
    expect(json).not.toContain(other.volunteerId);

    const [event] = await eventsNamed("volunteer.exported");
    expect(event).toMatchObject({
      actorType: "RESEARCHER",
      actorId: actor.id,
      subjectType: "volunteer",
      subjectId: volunteerId,
      data: {},
    });
    await expect(exportVolunteerData(db, actor, crypto.randomUUID())).rejects.toThrow(RecordNotFoundError);
  });
});

describe("erasing a volunteer's personal data", () => {
  async function personWithEverything() {
    const email = `ada.${crypto.randomUUID().slice(0, 6)}@nhs.net`;
    const person = await consentedPerson({ email, fullName: "Ada Lovelace", phone: "07700 900123" });
    const db = testDb();
    await db.interview.create({
      data: {
        participationId: person.participationId,
        startsAt: new Date(Date.now() + 86_400_000),
        durationMinutes: 35,
        meetingLink: "https://teams.example/meet",
        calendarUid: crypto.randomUUID(),
      },
    });
    const workshops = await participationOf(person.volunteerId, "workshops");
    const study = await db.study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const session = await db.workshopSession.create({
      data: {
        studyId: study.id,
        title: "Leeds",
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        mode: "IN_PERSON",
        capacity: 10,
      },
    });
    await db.workshopBooking.create({
      data: {
        workshopSessionId: session.id,
        participationId: workshops.id,
        status: "WAITLISTED",
        waitlistedAt: new Date(),
      },
    });
    // A registration they started again and did not finish.
    await db.registrationDraft.create({
      data: {
        tokenHash: "d".repeat(64),
        submissionKey: crypto.randomUUID(),
        answers: { email: ` ${email.toUpperCase()} `, fullName: "Ada Lovelace" },
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    // Someone else's draft, which must stay.
    await db.registrationDraft.create({
      data: {
        tokenHash: "e".repeat(64),
        submissionKey: crypto.randomUUID(),
        answers: { email: "other@nhs.net" },
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { ...person, email, workshopsId: workshops.id };
  }

  it("anonymises their details, answers, drafts and emails, stops everything pending, keeps the consent evidence, and is audited with ids only", async () => {
    const { volunteerId, participationId, recordId, email } = await personWithEverything();
    const other = await invitedPerson();
    const db = testDb();
    const admin = await aResearcher("ADMIN");
    const recordBefore = await db.consentRecord.findUniqueOrThrow({ where: { id: recordId } });
    const expressionsBefore = await db.expressionOfInterest.findMany({ where: { volunteerId } });
    const statusesBefore = await db.participation.findMany({
      where: { volunteerId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, consentedAt: true },
    });
    const eventsBefore = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const otherEmails = await db.outgoingEmail.findMany({
      where: { volunteerId: other.volunteerId },
      orderBy: { id: "asc" },
    });
    expect(await db.emailAttachment.count()).toBeGreaterThan(0);
    const screeningBefore = await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } });
    expect(screeningBefore.screeningAnswers).toMatchObject({ staffGroup: "nurse" });

    expect(await eraseVolunteerData(db, admin, { volunteerId, confirmEmail: ` ${email.toUpperCase()} ` })).toEqual({
      kind: "erased",
    });

    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } });
    expect(volunteer).toMatchObject({
      fullName: "Erased",
      email: erasedEmailAddress(volunteerId),
      emailNormalised: erasedEmailAddress(volunteerId),
      phone: null,
      employer: null,
      staffGroup: null,
      jobTitle: null,
      region: null,
      partnershipCountry: null,
    });
    // toEqual, not toMatchObject: an empty object would match any answers.
    expect(volunteer.screeningAnswers).toEqual({});
    expect(volunteer.erasedAt).toBeInstanceOf(Date);
    const expressions = await db.expressionOfInterest.findMany({ where: { volunteerId } });
    expect(expressions.map((x) => [x.id, x.answers, x.submittedAt, x.privacyNoticeVersion])).toEqual(
      expressionsBefore.map((x) => [x.id, { erased: true }, x.submittedAt, x.privacyNoticeVersion]),
    );
    expect((await db.registrationDraft.findMany()).map((d) => d.tokenHash)).toEqual(["e".repeat(64)]);

    const emails = await db.outgoingEmail.findMany({ where: { OR: [{ volunteerId }, { participationId }] } });
    expect(emails.length).toBeGreaterThan(3);
    for (const e of emails) {
      expect(e.textBody).not.toContain("Ada");
      expect(e.htmlBody).not.toContain("Ada");
      expect(e.status).not.toBe("PENDING");
      if (e.volunteerId) expect(e.toAddress).toBe(erasedEmailAddress(volunteerId));
    }
    expect(emails.filter((e) => e.status === "CANCELLED").length).toBeGreaterThan(0);
    expect(await db.emailAttachment.count()).toBe(0);
    expect(
      await db.outgoingEmail.findMany({ where: { volunteerId: other.volunteerId }, orderBy: { id: "asc" } }),
    ).toEqual(otherEmails);

    expect(await db.accessToken.count({ where: { volunteerId, revokedAt: null } })).toBe(0);
    expect(await db.accessToken.count({ where: { volunteerId: other.volunteerId, revokedAt: null } })).toBeGreaterThan(
      0,
    );
    expect((await db.interview.findFirstOrThrow()).status).toBe("CANCELLED");
    expect((await db.workshopBooking.findFirstOrThrow()).status).toBe("CANCELLED");

    // Kept unchanged: the consent evidence (its signed name too), statuses and the audit trail.
    const recordAfter = await db.consentRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(recordAfter).toEqual(recordBefore);
    expect(
      verifyConsentRecord({
        ...recordAfter,
        statements: recordAfter.statements as unknown as ConsentStatementAnswer[],
      }),
    ).toBe(true);
    expect(
      await db.participation.findMany({
        where: { volunteerId },
        orderBy: { id: "asc" },
        select: { id: true, status: true, consentedAt: true },
      }),
    ).toEqual(statusesBefore);
    const eventsAfter = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    const erasure = eventsAfter.slice(eventsBefore.length);
    expect(erasure.map((e) => [e.action, e.actorId, e.subjectType, e.subjectId])).toEqual([
      ["volunteer.erased", admin.id, "volunteer", volunteerId],
    ]);
    expect(JSON.stringify(erasure[0]!.data)).not.toMatch(/Ada|nhs\.net|07700/);
    expect((await verifyAuditChain(db)).intact).toBe(true);

    // The page shows them as erased, with what is kept.
    const page = await loadVolunteerRecord(db, admin, volunteerId);
    expect(page!.submissions.every((s) => s.erased && s.sections.length === 0)).toBe(true);
    expect(page!.participations.find((p) => p.id === participationId)!.consentRecords.map((r) => r.signedName)).toEqual(
      ["Ada Lovelace"],
    );
    // Registering again with the same address is a new person; the erased record stays erased.
    const again = await registerPerson({ email });
    expect(again).not.toBe(volunteerId);
    expect((await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).fullName).toBe("Erased");
  });

  it("is refused for a researcher without the admin role, changing nothing", async () => {
    const { volunteerId, email } = await personWithEverything();
    const db = testDb();
    const before = await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } });
    const events = await db.auditEvent.count();
    await expect(
      eraseVolunteerData(db, await aResearcher("RESEARCHER"), { volunteerId, confirmEmail: email }),
    ).rejects.toThrow(NotAllowedError);
    expect(await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("needs their email address typed exactly, and refuses an unknown volunteer", async () => {
    const { volunteerId } = await personWithEverything();
    const db = testDb();
    const admin = await aResearcher("ADMIN");
    await expect(eraseVolunteerData(db, admin, { volunteerId, confirmEmail: "someone.else@nhs.net" })).rejects.toThrow(
      ErasureConfirmationError,
    );
    expect((await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).erasedAt).toBeNull();
    await expect(
      eraseVolunteerData(db, admin, { volunteerId: crypto.randomUUID(), confirmEmail: "x@nhs.net" }),
    ).rejects.toThrow(RecordNotFoundError);
  });

  it("twice is harmless: the second time changes nothing and records nothing", async () => {
    const { volunteerId, email } = await personWithEverything();
    const db = testDb();
    const admin = await aResearcher("ADMIN");
    await eraseVolunteerData(db, admin, { volunteerId, confirmEmail: email });
    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } });
    const events = await db.auditEvent.count();
    const emails = await db.outgoingEmail.findMany({ orderBy: { id: "asc" } });

    expect(await eraseVolunteerData(db, admin, { volunteerId, confirmEmail: email })).toEqual({
      kind: "already-erased",
    });
    expect(await eraseVolunteerData(db, admin, { volunteerId, confirmEmail: erasedEmailAddress(volunteerId) })).toEqual(
      { kind: "already-erased" },
    );

    expect(await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).toEqual(volunteer);
    expect(await db.auditEvent.count()).toBe(events);
    expect(await db.outgoingEmail.findMany({ orderBy: { id: "asc" } })).toEqual(emails);
  });

  it("stops the team's actions that would contact them", async () => {
    const { volunteerId, email, workshopsId } = await personWithEverything();
    const db = testDb();
    const admin = await aResearcher("ADMIN");
    await eraseVolunteerData(db, admin, { volunteerId, confirmEmail: email });
    await expect(inviteVolunteer(db, admin, { volunteerId, participationId: workshopsId })).rejects.toThrow(/erased/);
    await expect(
      recordWithdrawal(db, admin, { volunteerId, from: "all", channel: "phone", dataChoice: "KEEP", reason: null }),
    ).rejects.toThrow(/erased/);
    await expect(
      overrideEligibility(db, admin, { volunteerId, participationId: workshopsId, outcome: "INELIGIBLE", reason: "x" }),
    ).rejects.toThrow(/erased/);
  });
});
