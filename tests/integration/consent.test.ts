import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { verifyConsentRecord } from "@/lib/consent/consent-hash";
import { verifyStoredConsentRecord } from "@/lib/consent/verify-stored-consent-record";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { publishConsentForm } from "@/lib/consent/publish-consent-form";
import { askToSpeakToTeam, declineConsent } from "@/lib/consent/respond-without-signing";
import { signConsent } from "@/lib/consent/sign-consent";
import { seedDatabase } from "@/lib/db/seed";
import { ParticipationError } from "@/lib/participation/errors";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { hashToken } from "@/lib/tokens/access-token";
import { invitedPerson, participationOf, registerPerson, tokenFromLatestEmail } from "./support/participants";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

/** The answers a person gives on the current interview consent form: all required agreed, optional as given. */
async function answersFor(consentToken: string, optional: "yes" | "no" = "yes", signedName = "Ada Lovelace") {
  const invitation = await findConsentInvitation(testDb(), consentToken);
  if (invitation.kind !== "ready") throw new Error(`invitation is ${invitation.kind}`);
  const values: Record<string, unknown> = { signedName };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : optional;
  return { consentFormId: invitation.form.id, values, statements: invitation.form.statements };
}

async function rowCounts() {
  const db = testDb();
  return {
    records: await db.consentRecord.count(),
    emails: await db.outgoingEmail.count(),
    events: await db.auditEvent.count(),
    usedTokens: await db.accessToken.count({ where: { usedAt: { not: null } } }),
    statuses: (await db.participation.findMany({ orderBy: { id: "asc" } })).map((p) => p.status),
  };
}

describe("inviting someone to a study", () => {
  it("sends a personal link that is random, stored only as a hash, bound to one participation and purpose, and expiring", async () => {
    const { volunteerId, participationId, consentToken } = await invitedPerson();
    const db = testDb();
    expect(consentToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const stored = await db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(consentToken) } });
    expect(stored).toMatchObject({ purpose: "CONSENT", participationId, volunteerId, usedAt: null, revokedAt: null });
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(JSON.stringify(await db.accessToken.findMany())).not.toContain(consentToken);

    const participation = await participationOf(volunteerId);
    expect(participation.status).toBe("INVITED");
    expect(participation.informationSheetSentAt).not.toBeNull();
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { template: "invitation" } });
    expect(email.textBody).toContain("/studies/interview-study/information-sheet");
    expect(email.textBody).toMatch(/\/manage\/[A-Za-z0-9_-]{43}/);
    expect((await db.auditEvent.findMany()).map((e) => e.action)).toContain("participation.invited");
  });

  it("revokes the old link when a new one is sent", async () => {
    const { volunteerId, participationId, consentToken: first } = await invitedPerson();
    await inviteParticipant(testDb(), { participationId, actor: { type: "SYSTEM" } });
    const second = await tokenFromLatestEmail(volunteerId, "consent", "invitation");
    expect(second).not.toBe(first);
    expect((await findConsentInvitation(testDb(), first)).kind).toBe("invalid");
    expect((await findConsentInvitation(testDb(), second)).kind).toBe("ready");
  });

  it("refuses to invite someone who is not eligible, with a reason a researcher can act on", async () => {
    const volunteerId = await registerPerson({ introducedLearning: "no" });
    const participation = await participationOf(volunteerId);
    await expect(
      inviteParticipant(testDb(), { participationId: participation.id, actor: { type: "SYSTEM" } }),
    ).rejects.toThrow(/Only eligible people can be invited/);
  });

  it("invites at once when the study invites automatically", async () => {
    await testDb().study.update({ where: { slug: "interview-study" }, data: { invitationMode: "AUTOMATIC" } });
    const volunteerId = await registerPerson();
    expect((await participationOf(volunteerId)).status).toBe("INVITED");
    expect((await participationOf(volunteerId, "workshops")).status).toBe("ELIGIBLE");
    const token = await tokenFromLatestEmail(volunteerId, "consent", "invitation");
    expect((await findConsentInvitation(testDb(), token)).kind).toBe("ready");
  });
});

describe("opening a link", () => {
  it("never changes anything, however often it is opened (email scanners open every link)", async () => {
    const { consentToken } = await invitedPerson();
    const before = await rowCounts();
    for (let i = 0; i < 3; i++) expect((await findConsentInvitation(testDb(), consentToken)).kind).toBe("ready");
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["unknown", "A".repeat(43)],
    ["malformed", "not a token"],
    ["empty", ""],
  ])("shows nothing for an %s link", async (_label, token) => {
    await invitedPerson();
    expect(await findConsentInvitation(testDb(), token)).toEqual({ kind: "invalid" });
  });

  it("shows nothing for an expired link", async () => {
    const { consentToken } = await invitedPerson();
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await findConsentInvitation(testDb(), consentToken, later)).toEqual({ kind: "invalid" });
  });
});

describe("signing the consent form", () => {
  it("stores an immutable record of exactly what was agreed, with a hash that verifies, and tells everyone", async () => {
    const { volunteerId, participationId, consentToken } = await invitedPerson();
    const { consentFormId, values, statements } = await answersFor(consentToken, "no", "  Siân O'Brien-Jones ");
    const result = await signConsent(testDb(), { token: consentToken, consentFormId, values });
    expect(result.kind).toBe("signed");
    const db = testDb();

    const record = await db.consentRecord.findFirstOrThrow();
    expect(record.signedName).toBe("Siân O'Brien-Jones");
    expect(record.studyTitle).toContain("interview study");
    expect(record.ethicsReference).toBe("20IC6786");
    expect(record.consentFormVersion).toBe("0.1");
    expect(record.informationSheetVersion).toBe("0.1");
    const recorded = record.statements as { key: string; text: string; required: boolean; agreed: boolean }[];
    expect(recorded.map((s) => [s.text, s.agreed])).toEqual(statements.map((s) => [s.text, s.required]));
    expect(verifyConsentRecord({ ...record, statements: recorded as never })).toBe(true);
    expect(verifyConsentRecord({ ...record, signedName: "Someone Else", statements: recorded as never })).toBe(false);

    expect((await participationOf(volunteerId)).status).toBe("CONSENTED");
    expect(
      (await db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(consentToken) } })).usedAt,
    ).not.toBeNull();

    const toPerson = await db.outgoingEmail.findFirstOrThrow({
      where: { template: "consent-confirmation" },
      include: { attachments: true },
    });
    expect(toPerson.participationId).toBe(participationId);
    expect(toPerson.textBody).toContain(record.contentHash);
    expect(Buffer.from(toPerson.attachments[0]!.content).subarray(0, 5).toString()).toBe("%PDF-");
    const toTeam = await db.outgoingEmail.findFirstOrThrow({ where: { template: "consent-team-notification" } });
    expect(toTeam.toAddress).toBe("mark.skopec17@imperial.ac.uk");

    expect((await db.auditEvent.findMany()).map((e) => e.action)).toContain("consent.signed");
    expect((await verifyAuditChain(db)).intact).toBe(true);
    // Once signed, the link shows nothing: the signed form is reached through "manage your participation".
    expect((await findConsentInvitation(db, consentToken)).kind).toBe("invalid");
  });

  it("shows the signed record, not a second form, when a fresh link is opened after signing", async () => {
    const { volunteerId, participationId, consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    await signConsent(testDb(), { token: consentToken, consentFormId, values });
    // The team sends another link by mistake: it must not offer a second form.
    await testDb().participation.update({ where: { id: participationId }, data: { status: "INVITED" } });
    await inviteParticipant(testDb(), { participationId, actor: { type: "SYSTEM" } });
    const fresh = await tokenFromLatestEmail(volunteerId, "consent", "invitation");
    expect((await findConsentInvitation(testDb(), fresh)).kind).toBe("signed");
  });

  it("refuses answers that leave out a required statement, and stores nothing", async () => {
    const { consentToken } = await invitedPerson();
    const { consentFormId, values, statements } = await answersFor(consentToken);
    const required = statements.find((s) => s.required)!;
    values[statementField(required.id)] = "no";
    const before = await rowCounts();
    const result = await signConsent(testDb(), { token: consentToken, consentFormId, values });
    expect(result).toEqual({
      kind: "invalid-answers",
      errors: {
        [statementField(required.id)]:
          `Agree to statement ${required.position} to take part, or choose not to take part`,
      },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [
      "a statement id that is not on the form",
      (v: Record<string, unknown>) => (v[statementField(crypto.randomUUID())] = "yes"),
    ],
    [
      "a missing statement",
      (v: Record<string, unknown>) => delete v[Object.keys(v).find((k) => k.startsWith("statement-"))!],
    ],
  ])("refuses a post with %s, and stores nothing", async (_label, tamper) => {
    const { consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    tamper(values);
    const before = await rowCounts();
    await expect(signConsent(testDb(), { token: consentToken, consentFormId, values })).rejects.toThrow(
      /do not match this consent form/,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses to sign a version that is no longer the current one", async () => {
    const { consentToken } = await invitedPerson();
    const { values } = await answersFor(consentToken);
    await expect(
      signConsent(testDb(), { token: consentToken, consentFormId: crypto.randomUUID(), values }),
    ).rejects.toThrow(/updated after you opened it/);
    expect(await testDb().consentRecord.count()).toBe(0);
  });

  it("refuses a replayed submission", async () => {
    const { consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    await signConsent(testDb(), { token: consentToken, consentFormId, values });
    await expect(signConsent(testDb(), { token: consentToken, consentFormId, values })).rejects.toThrow(
      ParticipationError,
    );
    expect(await testDb().consentRecord.count()).toBe(1);
  });

  it("makes one record when two tabs submit at the same moment", async () => {
    const { consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => signConsent(testDb(), { token: consentToken, consentFormId, values })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ParticipationError);
    const db = testDb();
    expect(await db.consentRecord.count()).toBe(1);
    expect(await db.outgoingEmail.count({ where: { template: "consent-confirmation" } })).toBe(1);
  });

  it("waits for the study's time to consider", async () => {
    await testDb().study.update({ where: { slug: "interview-study" }, data: { considerationPeriodHours: 48 } });
    const { consentToken } = await invitedPerson();
    const invitation = await findConsentInvitation(testDb(), consentToken);
    expect(invitation.kind === "ready" && invitation.signableFrom).toBeInstanceOf(Date);
    const { consentFormId, values } = await answersFor(consentToken);
    await expect(signConsent(testDb(), { token: consentToken, consentFormId, values })).rejects.toThrow(
      /time to consider/,
    );
    const later = new Date(Date.now() + 49 * 3_600_000);
    expect((await signConsent(testDb(), { token: consentToken, consentFormId, values }, later)).kind).toBe("signed");
  });
});

describe("verifying a stored record", () => {
  it("confirms the record, its signing event and the chain, and notices a record changed behind the portal's back", async () => {
    const { consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    const { recordId } = (await signConsent(testDb(), { token: consentToken, consentFormId, values })) as {
      recordId: string;
    };
    const db = testDb();
    expect(await verifyStoredConsentRecord(db, recordId)).toEqual({
      recordIntact: true,
      signingAudited: true,
      auditChainIntact: true,
    });
    // Only a superuser who disables the trigger can do this; the hash shows it.
    await db.$executeRawUnsafe(`alter table consent_records disable trigger consent_records_append_only`);
    await db.$executeRawUnsafe(`update consent_records set signed_name = 'Someone Else' where id = '${recordId}'`);
    await db.$executeRawUnsafe(`alter table consent_records enable trigger consent_records_append_only`);
    expect(await verifyStoredConsentRecord(db, recordId)).toEqual({
      recordIntact: false,
      signingAudited: true,
      auditChainIntact: true,
    });
    expect(await verifyStoredConsentRecord(db, crypto.randomUUID())).toBeNull();
  });
});

describe("declining or asking first", () => {
  it("records a decline, spends the link and thanks the person", async () => {
    const { volunteerId, consentToken } = await invitedPerson();
    await declineConsent(testDb(), { token: consentToken });
    expect((await participationOf(volunteerId)).status).toBe("DECLINED");
    expect((await findConsentInvitation(testDb(), consentToken)).kind).toBe("invalid");
    expect(await testDb().outgoingEmail.count({ where: { template: "decline-confirmation" } })).toBe(1);
    expect(await testDb().consentRecord.count()).toBe(0);
  });

  it("tells the team someone would like to talk first, and changes nothing else", async () => {
    const { volunteerId, consentToken } = await invitedPerson();
    await askToSpeakToTeam(testDb(), { token: consentToken, message: "Is the interview recorded?\n<b>Thanks</b>" });
    const email = await testDb().outgoingEmail.findFirstOrThrow({ where: { template: "speak-to-team-notification" } });
    expect(email.toAddress).toBe("mark.skopec17@imperial.ac.uk");
    expect(email.textBody).toContain("Is the interview recorded?");
    expect(email.htmlBody).not.toContain("<b>Thanks</b>");
    expect((await participationOf(volunteerId)).status).toBe("INVITED");
    expect((await findConsentInvitation(testDb(), consentToken)).kind).toBe("ready");
  });
});

describe("re-consent", () => {
  it("asks those who signed an older version to sign the new one, and keeps their old record as it was", async () => {
    const { volunteerId, participationId, consentToken } = await invitedPerson();
    const { consentFormId, values } = await answersFor(consentToken);
    await signConsent(testDb(), { token: consentToken, consentFormId, values });
    const db = testDb();
    const oldRecord = await db.consentRecord.findFirstOrThrow();

    const study = await db.study.findUniqueOrThrow({
      where: { slug: "interview-study" },
      include: { informationSheets: true },
    });
    const draft = await db.consentForm.create({
      data: {
        studyId: study.id,
        informationSheetId: study.informationSheets[0]!.id,
        version: "0.2",
        versionDate: new Date("2026-12-01T00:00:00Z"),
        title: "Consent form: interview study",
        statements: {
          create: [
            { position: 1, key: "take-part", text: "I agree to take part in the updated study.", required: true },
          ],
        },
      },
    });
    expect(await publishConsentForm(db, { consentFormId: draft.id, actor: { type: "SYSTEM" } })).toEqual({
      reconsentRequested: 1,
    });
    expect((await participationOf(volunteerId)).reconsentRequestedAt).not.toBeNull();

    const fresh = await tokenFromLatestEmail(volunteerId, "consent", "reconsent-invitation");
    const invitation = await findConsentInvitation(db, fresh);
    expect(invitation.kind === "ready" && invitation.reconsent && invitation.form.version).toBe("0.2");
    const next = await answersFor(fresh);
    await signConsent(db, { token: fresh, consentFormId: next.consentFormId, values: next.values });

    expect(await db.consentRecord.count({ where: { participationId } })).toBe(2);
    expect(await db.consentRecord.findUniqueOrThrow({ where: { id: oldRecord.id } })).toEqual(oldRecord);
    expect((await participationOf(volunteerId)).reconsentRequestedAt).toBeNull();
  });

  it("leaves a published form exactly as it is: the database refuses changes", async () => {
    const form = await testDb().consentForm.findFirstOrThrow({ include: { statements: true } });
    await expect(testDb().consentForm.update({ where: { id: form.id }, data: { title: "Changed" } })).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(
      testDb().consentStatement.update({ where: { id: form.statements[0]!.id }, data: { text: "Changed" } }),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      testDb().consentStatement.create({
        data: { consentFormId: form.id, position: 99, key: "extra", text: "Extra", required: false },
      }),
    ).rejects.toThrow(/published consent form/);
  });
});
