import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eraseVolunteerData } from "@/lib/volunteers/erase-volunteer-data";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { askToSpeakToTeam, declineConsent } from "@/lib/consent/respond-without-signing";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { sendDueReminders } from "@/lib/reminders/send-reminders";
import { applyRetention } from "@/lib/retention/apply-retention";
import { consentedPerson } from "./support/consented";
import { invitedPerson, participationOf, registerPerson, tokenFromLatestEmail } from "./support/participants";
import { aResearcher } from "./support/researchers";
import { testDb } from "./support/test-db";
import { makeVolunteer } from "./support/volunteers";

const DAY = 86_400_000;
const daysLater = (n: number) => new Date(Date.now() + n * DAY);

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const reminders = (volunteerId: string) =>
  testDb().outgoingEmail.findMany({
    where: { volunteerId, template: "invitation-reminder" },
    orderBy: { createdAt: "asc" },
  });

const clients: Database[] = [];
function separateClient(): Database {
  const db = createPrismaClient(process.env.DATABASE_URL!, { maxConnections: 3 });
  clients.push(db);
  return db;
}
afterEach(async () => {
  for (const db of clients.splice(0)) await db.$disconnect();
});

describe("reminders", () => {
  it("sends the first after the study's interval, the second after twice that, and never a third", async () => {
    const person = await invitedPerson();
    expect(await sendDueReminders(testDb(), { now: daysLater(6.9) })).toEqual({ sent: 0 });

    expect(await sendDueReminders(testDb(), { now: daysLater(7.01) })).toEqual({ sent: 1 });
    expect(await sendDueReminders(testDb(), { now: daysLater(7.02) })).toEqual({ sent: 0 });
    const [first] = await reminders(person.volunteerId);
    expect(first).toMatchObject({
      status: "PENDING",
      participationId: person.participationId,
      dedupeKey: `reminder:${person.participationId}:1`,
    });
    expect(first!.subject).toBe(
      "Reminder: you are invited to take part: " +
        (await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } })).title,
    );
    expect(first!.textBody).toContain("Manage your participation: http");
    expect(first!.htmlBody).toContain('<html lang="en-GB"');

    // The reminder carries a new link; the invitation's stops working (tokens are stored only as hashes).
    const newToken = await tokenFromLatestEmail(person.volunteerId, "consent", "invitation-reminder");
    expect(newToken).not.toBe(person.consentToken);
    expect((await findConsentInvitation(testDb(), newToken)).kind).toBe("ready");
    expect((await findConsentInvitation(testDb(), person.consentToken)).kind).not.toBe("ready");

    expect(await sendDueReminders(testDb(), { now: daysLater(13.9) })).toEqual({ sent: 0 });
    expect(await sendDueReminders(testDb(), { now: daysLater(14.05) })).toEqual({ sent: 1 });
    expect(await sendDueReminders(testDb(), { now: daysLater(400) })).toEqual({ sent: 0 });
    const sent = await reminders(person.volunteerId);
    expect(sent.map((e) => e.dedupeKey)).toEqual([
      `reminder:${person.participationId}:1`,
      `reminder:${person.participationId}:2`,
    ]);
    expect(sent[1]!.textBody).toContain("This is the last reminder we will send about this study.");
    expect(await participationOf(person.volunteerId)).toMatchObject({ status: "INVITED", remindersSent: 2 });

    const events = await testDb().auditEvent.findMany({
      where: { action: "participation.reminder_sent" },
      orderBy: { id: "asc" },
    });
    expect(
      events.map((e) => [e.actorType, e.subjectId, (e.data as { reminderNumber: number }).reminderNumber]),
    ).toEqual([
      ["SYSTEM", person.participationId, 1],
      ["SYSTEM", person.participationId, 2],
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/@|Lovelace/);
  });

  it("is sent to no one who signed, declined, withdrew, asked to speak to the team or was erased, nor where the study has none", async () => {
    await consentedPerson();
    const declined = await invitedPerson();
    await declineConsent(testDb(), { token: declined.consentToken });
    const withdrawn = await invitedPerson();
    await withdrawParticipation(testDb(), {
      volunteerId: withdrawn.volunteerId,
      participationIds: "all",
      dataChoice: "KEEP",
      reason: null,
      method: "SELF_SERVICE",
    });
    const talking = await invitedPerson();
    await askToSpeakToTeam(testDb(), { token: talking.consentToken, message: null });
    const erased = await invitedPerson();
    const volunteer = await testDb().volunteer.findUniqueOrThrow({ where: { id: erased.volunteerId } });
    await eraseVolunteerData(testDb(), await aResearcher("ADMIN"), {
      volunteerId: erased.volunteerId,
      confirmEmail: volunteer.email,
    });

    expect(await sendDueReminders(testDb(), { now: daysLater(30) })).toEqual({ sent: 0 });

    await testDb().study.update({ where: { slug: "interview-study" }, data: { reminderAfterDays: null } });
    await invitedPerson();
    expect(await sendDueReminders(testDb(), { now: daysLater(30) })).toEqual({ sent: 0 });
    expect(await testDb().outgoingEmail.count({ where: { template: "invitation-reminder" } })).toBe(0);
  });

  it("is sent once when two workers run the pass at the same moment", async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => invitedPerson()));
    const now = daysLater(8);
    const passes = await Promise.all([
      sendDueReminders(separateClient(), { now }),
      sendDueReminders(separateClient(), { now }),
      sendDueReminders(separateClient(), { now }),
    ]);
    expect(passes.reduce((n, r) => n + r.sent, 0)).toBe(5);
    for (const p of people) {
      expect(await reminders(p.volunteerId)).toHaveLength(1);
      expect((await participationOf(p.volunteerId)).remindersSent).toBe(1);
    }
    expect(await testDb().auditEvent.count({ where: { action: "participation.reminder_sent" } })).toBe(5);
    expect(await testDb().accessToken.count({ where: { purpose: "CONSENT", revokedAt: null } })).toBe(5);
  });
});

describe("retention", () => {
  it("anonymises a person found ineligible once the period has passed, not before, audited with ids only", async () => {
    const volunteerId = await registerPerson({ worksInNhsNow: "no", fullName: "Grace Hopper" });
    expect((await participationOf(volunteerId)).status).toBe("INELIGIBLE");
    expect((await testDb().volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).screeningAnswers).toMatchObject(
      { worksInNhsNow: "no" },
    );

    expect(await applyRetention(testDb(), { now: daysLater(364) })).toEqual({ anonymised: 0 });
    expect((await testDb().volunteer.findUniqueOrThrow({ where: { id: volunteerId } })).erasedAt).toBeNull();

    expect(await applyRetention(testDb(), { now: daysLater(366) })).toEqual({ anonymised: 1 });
    expect(await applyRetention(testDb(), { now: daysLater(367) })).toEqual({ anonymised: 0 });
    const after = await testDb().volunteer.findUniqueOrThrow({
      where: { id: volunteerId },
      include: { expressionsOfInterest: true, participations: true },
    });
    expect(after).toMatchObject({
      fullName: "Erased",
      email: `erased-${volunteerId}@invalid`,
      phone: null,
      employer: null,
    });
    // toEqual, not toMatchObject: an empty object would match any answers.
    expect(after.screeningAnswers).toEqual({});
    expect(after.erasedAt).toBeInstanceOf(Date);
    expect(after.expressionsOfInterest.every((e) => JSON.stringify(e.answers) === '{"erased":true}')).toBe(true);
    expect(after.participations.map((p) => p.status)).toEqual(["INELIGIBLE", "INELIGIBLE"]);
    const emails = await testDb().outgoingEmail.findMany({ where: { volunteerId } });
    expect(emails.length).toBeGreaterThan(0);
    expect(JSON.stringify(emails)).not.toContain("Grace");

    const events = await testDb().auditEvent.findMany({ where: { action: "volunteer.anonymised_after_retention" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "SYSTEM", subjectType: "volunteer", subjectId: volunteerId });
    const data = events[0]!.data as { participations: { reason: string }[] };
    expect(data.participations.map((p) => p.reason)).toEqual(["ineligible", "ineligible"]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/@|Grace|Hopper/);
    expect(await verifyAuditChain(testDb())).toMatchObject({ intact: true });
  });

  it("anonymises someone who withdrew asking for removal after the period, keeping their consent record", async () => {
    const person = await consentedPerson();
    const withdrawn = await withdrawParticipation(testDb(), {
      volunteerId: person.volunteerId,
      participationIds: "all",
      dataChoice: "REMOVE",
      reason: "Moving to Glasgow",
      method: "SELF_SERVICE",
    });
    expect(withdrawn.withdrawn.length).toBeGreaterThan(0);
    const records = await testDb().consentRecord.findMany({ where: { participationId: person.participationId } });
    expect(records).toHaveLength(1);

    expect(await applyRetention(testDb(), { now: daysLater(360) })).toEqual({ anonymised: 0 });
    expect(await applyRetention(testDb(), { now: daysLater(366) })).toEqual({ anonymised: 1 });

    expect((await testDb().volunteer.findUniqueOrThrow({ where: { id: person.volunteerId } })).fullName).toBe("Erased");
    // Consent evidence is append-only and kept, as the ethics approval requires.
    expect(await testDb().consentRecord.findMany({ where: { participationId: person.participationId } })).toEqual(
      records,
    );
    const withdrawals = await testDb().withdrawal.findMany({
      where: { participation: { volunteerId: person.volunteerId } },
    });
    expect(withdrawals.every((w) => w.reason === null && w.dataChoice === "REMOVE")).toBe(true);
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "volunteer.anonymised_after_retention" },
    });
    expect((event.data as { withdrawalReasonsCleared: number }).withdrawalReasonsCleared).toBe(withdrawals.length);
    expect(JSON.stringify(event.data)).not.toMatch(/Glasgow|Lovelace|@/);
    expect(await verifyAuditChain(testDb())).toMatchObject({ intact: true });
  });

  it("leaves consented people, withdrawals that kept the data, and anyone still needed by another study untouched", async () => {
    const consented = await consentedPerson();
    const kept = await consentedPerson();
    await withdrawParticipation(testDb(), {
      volunteerId: kept.volunteerId,
      participationIds: "all",
      dataChoice: "KEEP",
      reason: null,
      method: "SELF_SERVICE",
    });
    const mixed = await makeVolunteer({
      fullName: "Mary Seacole",
      participations: [
        { study: "interview-study", status: "INELIGIBLE" },
        { study: "workshops", status: "CONSENTED" },
      ],
    });
    const invited = await invitedPerson();
    const noPeriod = await registerPerson({ worksInNhsNow: "no" });
    await testDb().study.updateMany({ data: { retentionDays: null } });
    await testDb().study.update({ where: { slug: "interview-study" }, data: { retentionDays: 30 } });
    // noPeriod is ineligible for both studies; the workshops keep records until someone erases them.
    expect(await applyRetention(testDb(), { now: daysLater(5000) })).toEqual({ anonymised: 0 });
    await testDb().study.updateMany({ data: { retentionDays: 30 } });
    expect(await applyRetention(testDb(), { now: daysLater(5000) })).toEqual({ anonymised: 1 });

    const erased = await testDb().volunteer.findMany({ where: { erasedAt: { not: null } }, select: { id: true } });
    expect(erased.map((v) => v.id)).toEqual([noPeriod]);
    for (const id of [consented.volunteerId, kept.volunteerId, mixed.id, invited.volunteerId]) {
      expect((await testDb().volunteer.findUniqueOrThrow({ where: { id } })).erasedAt).toBeNull();
    }
  });

  it("anonymises each person once when two workers run the pass at the same moment", async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, () => registerPerson({ worksInNhsNow: "no" })));
    const now = daysLater(400);
    const passes = await Promise.all([
      applyRetention(separateClient(), { now }),
      applyRetention(separateClient(), { now }),
    ]);
    expect(passes[0].anonymised + passes[1].anonymised).toBe(4);
    expect(await testDb().auditEvent.count({ where: { action: "volunteer.anonymised_after_retention" } })).toBe(4);
    expect(await testDb().volunteer.count({ where: { id: { in: ids }, erasedAt: { not: null } } })).toBe(4);
    expect(await verifyAuditChain(testDb())).toMatchObject({ intact: true });
  });
});
