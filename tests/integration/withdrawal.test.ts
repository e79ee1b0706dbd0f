import { beforeEach, describe, expect, it } from "vitest";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { seedDatabase } from "@/lib/db/seed";
import { loadManageView } from "@/lib/participation/manage-participation";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { invitedPerson, participationOf, tokenFromLatestEmail } from "./support/participants";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

async function consentedPerson() {
  const person = await invitedPerson();
  const invitation = await findConsentInvitation(testDb(), person.consentToken);
  if (invitation.kind !== "ready") throw new Error("not ready");
  const values: Record<string, unknown> = { signedName: "Ada Lovelace" };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
  await signConsent(testDb(), { token: person.consentToken, consentFormId: invitation.form.id, values });
  return person;
}

describe("the manage-your-participation page", () => {
  it("shows a person's own studies, statuses and signed forms, and nothing for a bad link", async () => {
    const { volunteerId } = await consentedPerson();
    const manageToken = await tokenFromLatestEmail(volunteerId, "manage", "consent-confirmation");
    const view = await loadManageView(testDb(), manageToken);
    if (view.kind !== "ready") throw new Error("expected the page to open");
    expect(view.volunteerId).toBe(volunteerId);
    expect(view.participations.map((p) => [p.studySlug, p.status, p.consentRecords.length])).toEqual([
      ["interview-study", "CONSENTED", 1],
      ["workshops", "ELIGIBLE", 0],
    ]);
    expect(await loadManageView(testDb(), "B".repeat(43))).toEqual({ kind: "invalid" });
    expect(await loadManageView(testDb(), manageToken, new Date(Date.now() + 800 * 86_400_000))).toEqual({
      kind: "invalid",
    });
  });

  it("cannot be opened with a consent link", async () => {
    const { consentToken } = await invitedPerson();
    expect(await loadManageView(testDb(), consentToken)).toEqual({ kind: "invalid" });
  });
});

describe("withdrawing", () => {
  it("from one study stops everything pending for it, records how, and tells the person and the team", async () => {
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const workshop = await participationOf(volunteerId, "workshops");
    // Something pending for each study, and a scheduled interview and a workshop seat.
    await db.outgoingEmail.create({
      data: {
        dedupeKey: "reminder:1",
        template: "reminder",
        toAddress: "a@nhs.net",
        volunteerId,
        participationId,
        subject: "Reminder",
        textBody: "x",
        htmlBody: "x",
      },
    });
    await db.outgoingEmail.create({
      data: {
        dedupeKey: "reminder:2",
        template: "reminder",
        toAddress: "a@nhs.net",
        volunteerId,
        participationId: workshop.id,
        subject: "Reminder",
        textBody: "x",
        htmlBody: "x",
      },
    });
    await db.interview.create({
      data: {
        participationId,
        startsAt: new Date(Date.now() + 86_400_000),
        durationMinutes: 35,
        meetingLink: "https://teams.example/meet",
        calendarUid: crypto.randomUUID(),
      },
    });
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
      data: { workshopSessionId: session.id, participationId: workshop.id, status: "BOOKED" },
    });

    await withdrawParticipation(db, {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "REMOVE",
      reason: "No time",
    });

    expect((await participationOf(volunteerId)).status).toBe("WITHDRAWN");
    expect((await participationOf(volunteerId, "workshops")).status).toBe("ELIGIBLE");
    const withdrawal = await db.withdrawal.findFirstOrThrow();
    expect(withdrawal).toMatchObject({
      participationId,
      method: "SELF_SERVICE",
      dataChoice: "REMOVE",
      reason: "No time",
      recordedById: null,
    });
    expect((await db.outgoingEmail.findUniqueOrThrow({ where: { dedupeKey: "reminder:1" } })).status).toBe("CANCELLED");
    expect((await db.outgoingEmail.findUniqueOrThrow({ where: { dedupeKey: "reminder:2" } })).status).toBe("PENDING");
    expect((await db.interview.findFirstOrThrow()).status).toBe("CANCELLED");
    expect((await db.workshopBooking.findFirstOrThrow()).status).toBe("BOOKED");
    expect(await db.outgoingEmail.count({ where: { template: "withdrawal-confirmation", status: "PENDING" } })).toBe(1);
    expect(await db.outgoingEmail.count({ where: { template: "withdrawal-team-notification" } })).toBe(1);
    expect((await db.auditEvent.findMany()).map((e) => e.action)).toContain("participation.withdrawn");
    // The consent record stays: it is the evidence of consent and of the withdrawal.
    expect(await db.consentRecord.count()).toBe(1);
  });

  it("from all studies cancels every pending email and seat", async () => {
    const { volunteerId } = await invitedPerson();
    const db = testDb();
    await withdrawParticipation(db, {
      volunteerId,
      participationIds: "all",
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const statuses = (await db.participation.findMany({ where: { volunteerId } })).map((p) => p.status);
    expect(statuses).toEqual(["WITHDRAWN", "WITHDRAWN"]);
    const pending = await db.outgoingEmail.findMany({ where: { volunteerId, status: "PENDING" } });
    expect(pending.map((e) => e.template)).toEqual(["withdrawal-confirmation"]);
    // The consent link stops working at once.
    const consentToken = await tokenFromLatestEmail(volunteerId, "consent", "invitation");
    expect((await findConsentInvitation(db, consentToken)).kind).not.toBe("ready");
  });

  it("can be recorded by a researcher on the person's behalf", async () => {
    const { volunteerId, participationId } = await invitedPerson();
    const db = testDb();
    const researcher = await db.researcher.create({ data: { email: "team@imperial.ac.uk", name: "Team" } });
    await withdrawParticipation(db, {
      volunteerId,
      participationIds: [participationId],
      method: "RECORDED_BY_RESEARCHER",
      recordedById: researcher.id,
      channel: "phone",
      dataChoice: "KEEP",
      reason: null,
    });
    expect(await db.withdrawal.findFirstOrThrow()).toMatchObject({
      method: "RECORDED_BY_RESEARCHER",
      channel: "phone",
      recordedById: researcher.id,
    });
    const event = (await db.auditEvent.findMany({ where: { action: "participation.withdrawn" } }))[0]!;
    expect(event).toMatchObject({ actorType: "RESEARCHER", actorId: researcher.id });
  });

  it("twice from the same study is refused, and stores nothing more", async () => {
    const { volunteerId, participationId } = await invitedPerson();
    const db = testDb();
    await withdrawParticipation(db, {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    await expect(
      withdrawParticipation(db, {
        volunteerId,
        participationIds: [participationId],
        method: "SELF_SERVICE",
        dataChoice: "KEEP",
        reason: null,
      }),
    ).rejects.toThrow(/already withdrawn/);
    expect(await db.withdrawal.count()).toBe(1);
  });

  it("cannot reach another person's participation", async () => {
    const first = await invitedPerson();
    const second = await invitedPerson();
    await expect(
      withdrawParticipation(testDb(), {
        volunteerId: first.volunteerId,
        participationIds: [second.participationId],
        method: "SELF_SERVICE",
        dataChoice: "KEEP",
        reason: null,
      }),
    ).rejects.toThrow(/not one of yours/);
    expect((await participationOf(second.volunteerId)).status).toBe("INVITED");
  });
});
