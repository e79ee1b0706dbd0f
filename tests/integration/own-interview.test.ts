import { beforeEach, describe, expect, it } from "vitest";
import { publishInterviewSlots } from "@/lib/interviews/interview-slots";
import {
  CHOOSE_A_TIME,
  SIGN_FIRST,
  bookOwnSlotFromLink,
  cancelOwnInterviewFromLink,
  loadOwnSlotChooser,
  ownInterviews,
} from "@/lib/interviews/own-interview";
import { SLOT_TAKEN } from "@/lib/interviews/slot-rules";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { tokenFromLatestEmail } from "./support/participants";
import { aResearcher, consentedPerson, invitedOnly } from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_own%40thread.v2/0";
const HOUR = 3_600_000;

function daysAhead(days: number, hourUtc = 10): Date {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

async function slotsAt(starts: Date[], slug = "interview-study"): Promise<string[]> {
  const study = await testDb().study.findUniqueOrThrow({ where: { slug } });
  const { slotIds } = await publishInterviewSlots(testDb(), await aResearcher(), {
    studyId: study.id,
    startsAt: starts,
    durationMinutes: 30,
    interviewerId: null,
    meetingLink: TEAMS,
  });
  return slotIds;
}

async function withLink() {
  const person = await consentedPerson();
  return { ...person, token: await tokenFromLatestEmail(person.volunteerId, "manage") };
}

async function snapshot() {
  const db = testDb();
  return {
    interviews: await db.interview.findMany({ orderBy: { id: "asc" } }),
    slots: await db.interviewSlot.findMany({ orderBy: { id: "asc" } }),
    statuses: (await db.participation.findMany({ orderBy: { id: "asc" } })).map((p) => p.status),
    emails: await db.outgoingEmail.count(),
    audit: await db.auditEvent.count(),
  };
}

describe("the participant's own interview, from their personal link", () => {
  it("offers the open slots by UK day, books one as the participant, then moves and cancels it", async () => {
    const { volunteerId, participationId, token } = await withLink();
    // 23:30 UTC in summer is 00:30 the next UK day: it belongs with that day's other slot.
    const late = daysAhead(20, 23);
    late.setUTCMinutes(30);
    const [a, b] = await slotsAt([daysAhead(20), daysAhead(21, 9)]);
    await slotsAt([late]);

    const before = (await ownInterviews(testDb(), volunteerId)).get(participationId)!;
    expect(before).toMatchObject({ mayBook: true, booked: null });
    const chooser = await loadOwnSlotChooser(testDb(), token, participationId);
    if (chooser.kind !== "ready") throw new Error(chooser.kind);
    expect(chooser.unavailable).toBeNull();
    expect(chooser.days.flatMap((d) => d.slots).map((s) => s.id)).toContain(a);
    expect(chooser.days.every((d) => /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}$/.test(d.day))).toBe(true);

    expect(await bookOwnSlotFromLink(testDb(), token, { participationId, slotId: a! })).toEqual({
      kind: "done",
      moved: false,
    });
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "interview.scheduled" } });
    expect(event).toMatchObject({ actorType: "PARTICIPANT", actorId: volunteerId });
    const booked = (await ownInterviews(testDb(), volunteerId)).get(participationId)!;
    expect(booked).toMatchObject({ mayBook: false, booked: { meetingLink: TEAMS, mayChange: true } });

    // The second press of "Book this time" changes nothing and says so kindly.
    const again = await snapshot();
    expect(await bookOwnSlotFromLink(testDb(), token, { participationId, slotId: a! })).toEqual({
      kind: "refused",
      field: "slotId",
      message: "Your interview is already booked at that time.",
    });
    expect(await snapshot()).toEqual(again);

    expect(await bookOwnSlotFromLink(testDb(), token, { participationId, slotId: b! })).toEqual({
      kind: "done",
      moved: true,
    });
    expect(await testDb().interviewSlot.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      bookedInterviewId: null,
    });

    expect(await cancelOwnInterviewFromLink(testDb(), token, { participationId })).toEqual({
      kind: "done",
      moved: false,
    });
    expect((await testDb().participation.findUniqueOrThrow({ where: { id: participationId } })).status).toBe(
      "CONSENTED",
    );
    expect((await ownInterviews(testDb(), volunteerId)).get(participationId)).toMatchObject({
      mayBook: true,
      booked: null,
    });
    expect(await cancelOwnInterviewFromLink(testDb(), token, { participationId })).toMatchObject({
      kind: "refused",
      message: "You have no interview booked, so there is nothing to cancel.",
    });
  });

  it("refuses, changing nothing: no choice, a taken slot, a slot not there or in another study, or past", async () => {
    const { participationId, token } = await withLink();
    const other = await withLink();
    const [taken, open] = await slotsAt([daysAhead(15), daysAhead(16)]);
    const [withdrawn] = await slotsAt([daysAhead(17)]);
    await bookOwnSlotFromLink(testDb(), other.token, { participationId: other.participationId, slotId: taken! });
    await testDb().interviewSlot.update({ where: { id: withdrawn }, data: { withdrawnAt: new Date() } });
    // Written directly, as publishing refuses both: a slot in another study, and one already past.
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const row = { durationMinutes: 30, meetingLink: TEAMS, createdById: (await aResearcher()).id };
    const elsewhere = await testDb().interviewSlot.create({
      data: { ...row, studyId: workshops.id, startsAt: daysAhead(18) },
    });
    const interviewStudy = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const past = await testDb().interviewSlot.create({
      data: { ...row, studyId: interviewStudy.id, startsAt: new Date(Date.now() - HOUR) },
    });

    const before = await snapshot();
    const cases: [string, string][] = [
      ["", CHOOSE_A_TIME],
      [taken!, SLOT_TAKEN],
      ["not-a-uuid", "That time is no longer offered. Choose another."],
      ["00000000-0000-4000-8000-000000000000", "That time is no longer offered. Choose another."],
      [withdrawn!, "That time is no longer offered. Choose another."],
      [elsewhere.id, "That time is no longer offered. Choose another."],
      [past.id, "That time has passed. Choose another."],
    ];
    for (const [slotId, message] of cases) {
      expect(await bookOwnSlotFromLink(testDb(), token, { participationId, slotId })).toEqual({
        kind: "refused",
        field: "slotId",
        message,
      });
    }
    expect(await snapshot()).toEqual(before);

    // The taken slot is no longer offered to them; the open one still is.
    const chooser = await loadOwnSlotChooser(testDb(), token, participationId);
    if (chooser.kind !== "ready") throw new Error(chooser.kind);
    expect(chooser.days.flatMap((d) => d.slots).map((s) => s.id)).toEqual([open]);
  });

  it("turns away a link for another purpose, an unknown link, and another person's participation", async () => {
    const { participationId, token } = await withLink();
    const other = await withLink();
    const [slot] = await slotsAt([daysAhead(12)]);
    const consentToken = await invitedOnly().then((p) => tokenFromLatestEmail(p.volunteerId, "consent"));
    const before = await snapshot();
    expect(await bookOwnSlotFromLink(testDb(), consentToken, { participationId, slotId: slot! })).toEqual({
      kind: "invalid",
    });
    expect(await bookOwnSlotFromLink(testDb(), "x".repeat(43), { participationId, slotId: slot! })).toEqual({
      kind: "invalid",
    });
    expect(
      await bookOwnSlotFromLink(testDb(), token, { participationId: other.participationId, slotId: slot! }),
    ).toEqual({ kind: "not-found" });
    expect(await loadOwnSlotChooser(testDb(), token, other.participationId)).toEqual({ kind: "not-found" });
    expect(await loadOwnSlotChooser(testDb(), consentToken, participationId)).toEqual({ kind: "invalid" });
    expect(await snapshot()).toEqual(before);
  });

  it("tells someone who has not signed, or has withdrawn, in their own words", async () => {
    const invited = await invitedOnly();
    const [slot] = await slotsAt([daysAhead(12)]);
    // Someone invited has no manage link yet from signing; give them one as an email would.
    const { createManageLink } = await import("@/lib/participation/manage-link");
    const url = await testDb().$transaction((tx) =>
      createManageLink(tx, { volunteerId: invited.volunteerId, publicUrl: "http://x", days: 30, now: new Date() }),
    );
    const token = url.split("/manage/")[1]!;
    expect(await bookOwnSlotFromLink(testDb(), token, { ...invited, slotId: slot! })).toEqual({
      kind: "refused",
      message: SIGN_FIRST,
    });
    const chooser = await loadOwnSlotChooser(testDb(), token, invited.participationId);
    expect(chooser).toMatchObject({ kind: "ready", unavailable: SIGN_FIRST, days: [] });
    expect((await ownInterviews(testDb(), invited.volunteerId)).get(invited.participationId)?.mayBook).toBe(false);

    const { volunteerId, participationId, token: own } = await withLink();
    await withdrawParticipation(testDb(), {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const result = await bookOwnSlotFromLink(testDb(), own, { participationId, slotId: slot! });
    expect(result).toEqual({
      kind: "refused",
      message: "You have withdrawn from this study, so no interview can be booked.",
    });
  });

  it("shows whom to contact instead of the changes once the cut-off has passed", async () => {
    const { volunteerId, participationId, token } = await withLink();
    const starts = daysAhead(5);
    const [slot, later] = await slotsAt([starts, daysAhead(6)]);
    await bookOwnSlotFromLink(testDb(), token, { participationId, slotId: slot! });
    const lateNow = new Date(starts.getTime() - 2 * HOUR);
    const own = (await ownInterviews(testDb(), volunteerId, lateNow)).get(participationId)!;
    expect(own.booked).toMatchObject({ mayChange: false });
    expect(own.booked!.afterCutoff).toMatch(/less than 24 hours away.*contact/);
    expect(await loadOwnSlotChooser(testDb(), token, participationId, lateNow)).toMatchObject({
      unavailable: own.booked!.afterCutoff,
      days: [],
    });
    const before = await snapshot();
    expect(await bookOwnSlotFromLink(testDb(), token, { participationId, slotId: later! }, lateNow)).toMatchObject({
      kind: "refused",
      message: own.booked!.afterCutoff,
    });
    expect(await cancelOwnInterviewFromLink(testDb(), token, { participationId }, lateNow)).toMatchObject({
      kind: "refused",
      message: own.booked!.afterCutoff,
    });
    expect(await snapshot()).toEqual(before);
  });
});
