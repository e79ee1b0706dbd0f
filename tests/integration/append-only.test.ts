import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { testDb } from "./support/test-db";

async function arrangeConsentRecord() {
  const db = testDb();
  await seedDatabase(db, { demoResearcher: false });
  const study = await db.study.findUniqueOrThrow({
    where: { slug: "interview-study" },
    include: { consentForms: true, informationSheets: true },
  });
  const volunteer = await db.volunteer.create({
    data: { email: "Ada@example.org", emailNormalised: "ada@example.org", fullName: "Ada Lovelace" },
  });
  const participation = await db.participation.create({
    data: { volunteerId: volunteer.id, studyId: study.id, eligibility: "ELIGIBLE", status: "CONSENTED" },
  });
  const form = study.consentForms[0]!;
  const sheet = study.informationSheets[0]!;
  return db.consentRecord.create({
    data: {
      participationId: participation.id,
      consentFormId: form.id,
      informationSheetId: sheet.id,
      studyTitle: study.title,
      ethicsReference: study.ethicsReference,
      consentFormVersion: form.version,
      consentFormVersionDate: form.versionDate,
      informationSheetVersion: sheet.version,
      informationSheetVersionDate: sheet.versionDate,
      statements: [{ key: "take-part", text: "I agree to take part.", required: true, agreed: true }],
      signedName: "Ada Lovelace",
      signedAt: new Date(),
      contentHash: "a".repeat(64),
    },
  });
}

describe("append-only tables", () => {
  it("refuse to change or delete a consent record", async () => {
    const record = await arrangeConsentRecord();
    const db = testDb();
    await expect(
      db.consentRecord.update({ where: { id: record.id }, data: { signedName: "Someone else" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.consentRecord.delete({ where: { id: record.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`update consent_records set signed_name = 'x'`).rejects.toThrow(/append-only/);
    expect((await db.consentRecord.findUniqueOrThrow({ where: { id: record.id } })).signedName).toBe("Ada Lovelace");
  });

  it("refuse to change or delete an audit event", async () => {
    const db = testDb();
    const event = await db.auditEvent.create({
      data: { actorType: "SYSTEM", action: "test.event", subjectType: "test", hash: "b".repeat(64) },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("keep a volunteer with consent evidence from being deleted", async () => {
    const record = await arrangeConsentRecord();
    const db = testDb();
    const participation = await db.participation.findUniqueOrThrow({ where: { id: record.participationId } });
    await expect(db.volunteer.delete({ where: { id: participation.volunteerId } })).rejects.toThrow();
    expect(await db.consentRecord.count()).toBe(1);
  });
});
