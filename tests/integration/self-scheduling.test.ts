import { beforeEach, describe, expect, it } from "vitest";
import { bookInterviewSlot, cancelOwnInterview } from "@/lib/interviews/book-interview-slot";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import { listOpenSlots, publishInterviewSlots, withdrawInterviewSlot } from "@/lib/interviews/interview-slots";
import { slotPatternFormSchema } from "@/lib/interviews/slot-pattern";
import { SLOT_TAKEN } from "@/lib/interviews/slot-rules";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { londonWallClock } from "@/lib/text/london-time";
import { participationOf } from "./support/participants";
import { testDatabaseUrl } from "./support/per-file-database";
import { aResearcher, calendarOf, consentedPerson, icsProperty, invitedOnly } from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_slots%40thread.v2/0";
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const HOUR = 3_600_000;

async function interviewStudyId(slug = "interview-study"): Promise<string> {
  return (await testDb().study.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Publishes one slot per start, 30 minutes each, with no interviewer. */
async function slotsAt(starts: Date[], studyId?: string, interviewerId: string | null = null): Promise<string[]> {
  const researcher = await aResearcher();
  const { slotIds } = await publishInterviewSlots(testDb(), researcher, {
    studyId: studyId ?? (await interviewStudyId()),
    startsAt: starts,
    durationMinutes: 30,
    interviewerId,
    meetingLink: TEAMS,
  });
  return slotIds;
}

function daysAhead(days: number, hourUtc = 10): Date {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

/** What a refused booking must leave as it was. */
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

async function refusedWithoutChange(
  attempt: () => Promise<unknown>,
  error: RegExp | string | (new (...a: never[]) => Error),
) {
  const before = await snapshot();
  if (typeof error === "function") await expect(attempt()).rejects.toBeInstanceOf(error);
  else await expect(attempt()).rejects.toThrow(error);
  expect(await snapshot()).toEqual(before);
}

describe("publishing interview slots", () => {
  it("makes a pattern's slots at UK times across the clocks going forward, audited without personal data", async () => {
    const researcher = await aResearcher();
    const form = slotPatternFormSchema.parse({
      days: ["1", "2", "3", "4", "5", "6", "7"],
      fromDay: "20",
      fromMonth: "3",
      fromYear: String(NEXT_YEAR),
      toDay: "5",
      toMonth: "4",
      toYear: String(NEXT_YEAR),
      times: "10:00, 14:00",
      meetingLink: TEAMS,
    });
    const { slotIds } = await publishInterviewSlots(testDb(), researcher, {
      studyId: await interviewStudyId(),
      ...form,
    });
    expect(slotIds).toHaveLength(17 * 2);
    const slots = await testDb().interviewSlot.findMany({ orderBy: { startsAt: "asc" } });
    expect(slots.every((s) => [10, 14].includes(londonWallClock(s.startsAt).hour))).toBe(true);
    // The same UK time is an hour earlier in UTC once the clocks have gone forward.
    expect(
      new Set(slots.filter((s) => londonWallClock(s.startsAt).hour === 10).map((s) => s.startsAt.getUTCHours())),
    ).toEqual(new Set([10, 9]));
    expect(slots.every((s) => s.durationMinutes === 30 && s.createdById === researcher.id)).toBe(true);

    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "interview_slot.published" } });
    expect(event.data).toMatchObject({ count: 34, durationMinutes: 30, interviewerId: null });
    expect(JSON.stringify(event.data)).not.toMatch(/teams|@/i);
  });

  it("refuses a time overlapping the same interviewer's slot, and past times, storing none of the batch", async () => {
    const interviewer = await aResearcher();
    const studyId = await interviewStudyId();
    const first = daysAhead(10);
    await slotsAt([first], studyId, interviewer.id);
    const researcher = await aResearcher();
    const input = { studyId, durationMinutes: 30, interviewerId: interviewer.id, meetingLink: TEAMS };
    await refusedWithoutChange(
      () =>
        publishInterviewSlots(testDb(), researcher, {
          ...input,
          startsAt: [daysAhead(11), new Date(first.getTime() + 15 * 60_000)],
        }),
      /overlap the interviewer's other slots/,
    );
    await refusedWithoutChange(
      () => publishInterviewSlots(testDb(), researcher, { ...input, startsAt: [new Date(Date.now() - HOUR)] }),
      /must be in the future/,
    );
    // Another interviewer at the same time is fine, and so is the slot straight after.
    await slotsAt([first], studyId, (await aResearcher()).id);
    await slotsAt([new Date(first.getTime() + 30 * 60_000)], studyId, interviewer.id);
    expect(await testDb().interviewSlot.count()).toBe(3);
  });

  it("withdraws an unbooked slot, and refuses to withdraw a booked one", async () => {
    const researcher = await aResearcher();
    const [open, booked] = await slotsAt([daysAhead(10), daysAhead(11)]);
    await withdrawInterviewSlot(testDb(), researcher, { slotId: open! });
    expect((await testDb().interviewSlot.findUniqueOrThrow({ where: { id: open! } })).withdrawnAt).not.toBeNull();

    const person = await consentedPerson();
    await bookInterviewSlot(
      testDb(),
      { type: "PARTICIPANT", volunteerId: person.volunteerId },
      { ...person, slotId: booked! },
    );
    await refusedWithoutChange(
      () => withdrawInterviewSlot(testDb(), researcher, { slotId: booked! }),
      /Someone has booked this time, so it cannot be withdrawn/,
    );
    expect((await listOpenSlots(testDb(), { studyId: await interviewStudyId(), now: new Date() })).length).toBe(0);
  });
});

describe("booking a slot", () => {
  it("books it: the interview at the slot's time, SCHEDULED, an invitation with METHOD:REQUEST, and an audit event", async () => {
    const [slotId, other] = await slotsAt([daysAhead(5), daysAhead(6)]);
    const person = await consentedPerson();
    const result = await bookInterviewSlot(
      testDb(),
      { type: "PARTICIPANT", volunteerId: person.volunteerId },
      { ...person, slotId: slotId! },
    );
    expect(result.moved).toBe(false);
    const interview = await testDb().interview.findUniqueOrThrow({ where: { id: result.interviewId } });
    const slot = await testDb().interviewSlot.findUniqueOrThrow({ where: { id: slotId! } });
    expect(slot.bookedInterviewId).toBe(interview.id);
    expect(interview).toMatchObject({
      startsAt: slot.startsAt,
      durationMinutes: 30,
      meetingLink: TEAMS,
      status: "SCHEDULED",
      calendarSequence: 0,
      scheduledById: null,
    });
    expect((await participationOf(person.volunteerId)).status).toBe("SCHEDULED");

    const ics = await calendarOf(person.volunteerId, "interview-scheduled");
    expect(icsProperty(ics, "METHOD")).toBe("REQUEST");
    expect(icsProperty(ics, "UID")).toBe(interview.calendarUid);
    expect(icsProperty(ics, "SEQUENCE")).toBe("0");

    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "interview.scheduled" } });
    expect(event).toMatchObject({
      actorType: "PARTICIPANT",
      actorId: person.volunteerId,
      subjectId: person.participationId,
    });
    expect(event.data).toMatchObject({ interviewId: interview.id, slotId });

    const open = await listOpenSlots(testDb(), { studyId: await interviewStudyId(), now: new Date() });
    expect(open.map((s) => s.id)).toEqual([other]);
  });

  it("lets a researcher book a slot for someone, with themself as the one who scheduled it", async () => {
    const [slotId] = await slotsAt([daysAhead(5)]);
    const person = await consentedPerson();
    const researcher = await aResearcher();
    const { interviewId } = await bookInterviewSlot(
      testDb(),
      { type: "RESEARCHER", researcher },
      { ...person, slotId: slotId! },
    );
    expect((await testDb().interview.findUniqueOrThrow({ where: { id: interviewId } })).scheduledById).toBe(
      researcher.id,
    );
  });

  it("refuses bad choices, each changing nothing", async () => {
    const person = await consentedPerson();
    const as = { type: "PARTICIPANT" as const, volunteerId: person.volunteerId };
    const book = (slotId: string, now = new Date()) => bookInterviewSlot(testDb(), as, { ...person, slotId }, now);
    const [future, withdrawn, soon, taken] = await slotsAt([daysAhead(5), daysAhead(6), daysAhead(7), daysAhead(8)]);
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      eligibilityRules,
      ...copy
    } = await testDb().study.findUniqueOrThrow({
      where: { slug: "interview-study" },
    });
    const otherStudy = await testDb().study.create({
      data: { ...copy, slug: "another-interview-study", eligibilityRules: eligibilityRules ?? {} },
    });
    const [elsewhere] = await slotsAt([daysAhead(5)], otherStudy.id);
    await withdrawInterviewSlot(testDb(), await aResearcher(), { slotId: withdrawn! });
    const someoneElse = await consentedPerson();
    await bookInterviewSlot(
      testDb(),
      { type: "PARTICIPANT", volunteerId: someoneElse.volunteerId },
      { ...someoneElse, slotId: taken! },
    );

    await refusedWithoutChange(() => book("00000000-0000-4000-8000-000000000000"), SchedulingNotFoundError);
    await refusedWithoutChange(() => book(elsewhere!), SchedulingNotFoundError);
    await refusedWithoutChange(() => book(withdrawn!), "That time is no longer offered. Choose another.");
    await refusedWithoutChange(() => book(taken!), SLOT_TAKEN);
    // Seen from a week later, the first slot has passed; seen from just before it, it is too soon to book.
    await refusedWithoutChange(() => book(future!, daysAhead(12)), "That time has passed. Choose another.");
    const soonStart = (await testDb().interviewSlot.findUniqueOrThrow({ where: { id: soon! } })).startsAt;
    await refusedWithoutChange(() => book(soon!, new Date(soonStart.getTime() - 2 * HOUR)), /less than 24 hours away/);
    // Someone else's personal link cannot book for this person.
    await refusedWithoutChange(
      () =>
        bookInterviewSlot(
          testDb(),
          { type: "PARTICIPANT", volunteerId: someoneElse.volunteerId },
          { ...person, slotId: future! },
        ),
      SchedulingNotFoundError,
    );
  });

  it("refuses someone who has not consented, and someone who has withdrawn", async () => {
    const [slotId] = await slotsAt([daysAhead(5)]);
    const invited = await invitedOnly();
    await refusedWithoutChange(
      () =>
        bookInterviewSlot(
          testDb(),
          { type: "PARTICIPANT", volunteerId: invited.volunteerId },
          { ...invited, slotId: slotId! },
        ),
      /Scheduling needs a signed consent first/,
    );
    const left = await consentedPerson();
    await withdrawParticipation(testDb(), {
      volunteerId: left.volunteerId,
      participationIds: [left.participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    await refusedWithoutChange(
      () =>
        bookInterviewSlot(
          testDb(),
          { type: "PARTICIPANT", volunteerId: left.volunteerId },
          { ...left, slotId: slotId! },
        ),
      /has withdrawn from the study/,
    );
  });
});

describe("moving and cancelling one's own booking", () => {
  it("moves to another slot: same interview and UID, SEQUENCE up by one, the old slot on offer again", async () => {
    const [first, second] = await slotsAt([daysAhead(5), daysAhead(9)]);
    const person = await consentedPerson();
    const as = { type: "PARTICIPANT" as const, volunteerId: person.volunteerId };
    const booked = await bookInterviewSlot(testDb(), as, { ...person, slotId: first! });
    const moved = await bookInterviewSlot(testDb(), as, { ...person, slotId: second! });
    expect(moved).toEqual({ interviewId: booked.interviewId, moved: true });

    const interview = await testDb().interview.findUniqueOrThrow({ where: { id: booked.interviewId } });
    const secondSlot = await testDb().interviewSlot.findUniqueOrThrow({ where: { id: second! } });
    expect(interview.startsAt).toEqual(secondSlot.startsAt);
    expect(interview.calendarSequence).toBe(1);
    expect(secondSlot.bookedInterviewId).toBe(interview.id);
    expect((await testDb().interviewSlot.findUniqueOrThrow({ where: { id: first! } })).bookedInterviewId).toBeNull();
    expect(await testDb().interview.count()).toBe(1);

    const ics = await calendarOf(person.volunteerId, "interview-rescheduled");
    expect(icsProperty(ics, "METHOD")).toBe("REQUEST");
    expect(icsProperty(ics, "UID")).toBe(interview.calendarUid);
    expect(icsProperty(ics, "SEQUENCE")).toBe("1");
    const open = await listOpenSlots(testDb(), { studyId: await interviewStudyId(), now: new Date() });
    expect(open.map((s) => s.id)).toEqual([first]);
  });

  it("cancels up to the cut-off, giving the slot back; after it, names whom to contact", async () => {
    const [slotId, later] = await slotsAt([daysAhead(5), daysAhead(9)]);
    const person = await consentedPerson();
    const as = { type: "PARTICIPANT" as const, volunteerId: person.volunteerId };
    const { interviewId } = await bookInterviewSlot(testDb(), as, { ...person, slotId: slotId! });
    const startsAt = (await testDb().interview.findUniqueOrThrow({ where: { id: interviewId } })).startsAt;
    const lateNow = new Date(startsAt.getTime() - 23 * HOUR);
    const contact = /can no longer be changed here\. To move or cancel it, contact .+ at .+@.+\./;
    await refusedWithoutChange(() => cancelOwnInterview(testDb(), person, lateNow), contact);
    await refusedWithoutChange(() => bookInterviewSlot(testDb(), as, { ...person, slotId: later! }, lateNow), contact);

    await cancelOwnInterview(testDb(), person, new Date(startsAt.getTime() - 25 * HOUR));
    const interview = await testDb().interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ status: "CANCELLED", calendarSequence: 1 });
    expect((await testDb().interviewSlot.findUniqueOrThrow({ where: { id: slotId! } })).bookedInterviewId).toBeNull();
    expect((await participationOf(person.volunteerId)).status).toBe("CONSENTED");
    expect(icsProperty(await calendarOf(person.volunteerId, "interview-cancelled"), "METHOD")).toBe("CANCEL");
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "interview.cancelled" } });
    expect(event).toMatchObject({ actorType: "PARTICIPANT", actorId: person.volunteerId });

    // Freed, the slot can be booked again, as a new interview.
    const again = await bookInterviewSlot(testDb(), as, { ...person, slotId: slotId! });
    expect(again.interviewId).not.toBe(interviewId);
  });

  it("gives the slot back when the team cancels the interview or the person withdraws", async () => {
    const [a, b] = await slotsAt([daysAhead(5), daysAhead(6)]);
    const researcher = await aResearcher();
    const one = await consentedPerson();
    const two = await consentedPerson();
    const booked = await bookInterviewSlot(testDb(), { type: "RESEARCHER", researcher }, { ...one, slotId: a! });
    await bookInterviewSlot(testDb(), { type: "RESEARCHER", researcher }, { ...two, slotId: b! });
    await cancelInterview(testDb(), researcher, { ...one, interviewId: booked.interviewId });
    await withdrawParticipation(testDb(), {
      volunteerId: two.volunteerId,
      participationIds: [two.participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const open = await listOpenSlots(testDb(), { studyId: await interviewStudyId(), now: new Date() });
    expect(open.map((s) => s.id).sort()).toEqual([a, b].sort());
  });
});

describe("two people choosing the same slot at once", () => {
  it("twenty concurrent bookings of one slot: exactly one wins, nineteen are told it has just been taken", async () => {
    const [slotId] = await slotsAt([daysAhead(5)]);
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await consentedPerson());
    const db = createPrismaClient(testDatabaseUrl(), { maxConnections: 20 });
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled(
        people.map((p) =>
          bookInterviewSlot(db, { type: "PARTICIPANT", volunteerId: p.volunteerId }, { ...p, slotId: slotId! }),
        ),
      );
    } finally {
      await db.$disconnect();
    }
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(SchedulingError);
      expect((r.reason as SchedulingError).message).toBe("That time has just been taken. Choose another.");
      expect((r.reason as SchedulingError).field).toBe("slotId");
    }
    expect(await testDb().interview.count()).toBe(1);
    expect(await testDb().participation.count({ where: { status: "SCHEDULED" } })).toBe(1);
    expect(await testDb().outgoingEmail.count({ where: { template: "interview-scheduled" } })).toBe(1);
  });
});
