import { byResearcher } from "@/lib/workshops/place-actor";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import { interviewFormSchema } from "@/lib/interviews/interview-form";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { sendDueScheduleReminders } from "@/lib/reminders/send-schedule-reminders";
import { eraseVolunteerData } from "@/lib/volunteers/erase-volunteer-data";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { createWorkshopSession } from "@/lib/workshops/create-workshop-session";
import { sessionFormSchema } from "@/lib/workshops/session-form";
import { createPrismaClient } from "@/lib/db/prisma";
import { SUMMER, WINTER, aResearcher, consentedPerson } from "./support/scheduling";
import { testDatabaseUrl } from "./support/per-file-database";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const HOUR = 3_600_000;
const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d";

function time(date: { day: string; month: string; year: string }, at = "14:30") {
  return interviewFormSchema.parse({ ...date, time: at, duration: "35", meetingLink: TEAMS });
}

async function bookedInterview(date = SUMMER) {
  const researcher = await aResearcher();
  const person = await consentedPerson("interview-study");
  const when = time(date);
  const { interviewId } = await scheduleInterview(testDb(), researcher, { ...person, ...when });
  return { ...person, researcher, interviewId, startsAt: when.startsAt };
}

async function remindersTo(volunteerId: string, template = "interview-reminder") {
  return testDb().outgoingEmail.findMany({ where: { volunteerId, template }, orderBy: { createdAt: "asc" } });
}

const before = (startsAt: Date, hours: number) => new Date(startsAt.getTime() - hours * HOUR);

describe("the reminder before an interview", () => {
  it("goes once, the set number of hours before, however often the pass runs, and is audited", async () => {
    const { volunteerId, participationId, interviewId, startsAt } = await bookedInterview();
    const db = testDb();
    expect(await sendDueScheduleReminders(db, { now: before(startsAt, 24.5) })).toEqual({
      interviews: 0,
      workshops: 0,
    });
    expect(await sendDueScheduleReminders(db, { now: before(startsAt, 23) })).toEqual({ interviews: 1, workshops: 0 });
    expect(await sendDueScheduleReminders(db, { now: before(startsAt, 22) })).toEqual({ interviews: 0, workshops: 0 });
    const reminders = await remindersTo(volunteerId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      dedupeKey: `interview-reminder:${interviewId}:${startsAt.toISOString()}`,
      participationId,
      status: "PENDING",
    });
    expect(reminders[0]!.textBody).toContain("UK time (BST)");
    expect(reminders[0]!.textBody).toContain(TEAMS);
    const audit = await db.auditEvent.findMany({ where: { action: "interview.reminder_sent" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "SYSTEM", subjectId: participationId });
    expect(audit[0]!.data).toMatchObject({ interviewId, startsAt: startsAt.toISOString(), hoursBefore: 24 });
  });

  it("follows the setting's number of hours", async () => {
    const { volunteerId, startsAt } = await bookedInterview();
    expect((await sendDueScheduleReminders(testDb(), { now: before(startsAt, 30), hours: 48 })).interviews).toBe(1);
    expect(await remindersTo(volunteerId)).toHaveLength(1);
  });

  it("is not sent for a cancelled interview", async () => {
    const { volunteerId, participationId, interviewId, researcher, startsAt } = await bookedInterview();
    await cancelInterview(testDb(), researcher, { volunteerId, participationId, interviewId });
    expect((await sendDueScheduleReminders(testDb(), { now: before(startsAt, 2) })).interviews).toBe(0);
    expect(await remindersTo(volunteerId)).toHaveLength(0);
  });

  it("goes again, once, for an interview moved after its reminder", async () => {
    const { volunteerId, participationId, interviewId, researcher, startsAt } = await bookedInterview();
    const db = testDb();
    const now = before(startsAt, 20);
    expect((await sendDueScheduleReminders(db, { now })).interviews).toBe(1);
    const moved = time(SUMMER, "16:00");
    await rescheduleInterview(db, researcher, { volunteerId, participationId, interviewId, ...moved }, now);
    expect((await sendDueScheduleReminders(db, { now: before(moved.startsAt, 19) })).interviews).toBe(1);
    expect((await sendDueScheduleReminders(db, { now: before(moved.startsAt, 18) })).interviews).toBe(0);
    expect((await remindersTo(volunteerId)).map((e) => e.dedupeKey)).toEqual([
      `interview-reminder:${interviewId}:${startsAt.toISOString()}`,
      `interview-reminder:${interviewId}:${moved.startsAt.toISOString()}`,
    ]);
  });

  it("still waiting in the outbox (the mail server down) is stopped when the interview is cancelled or moved", async () => {
    const cancelled = await bookedInterview();
    const moved = await bookedInterview();
    const db = testDb();
    const now = before(cancelled.startsAt, 5);
    expect((await sendDueScheduleReminders(db, { now })).interviews).toBe(2);
    await cancelInterview(db, cancelled.researcher, cancelled, now);
    const later = time(SUMMER, "16:00");
    await rescheduleInterview(db, moved.researcher, { ...moved, ...later }, now);
    expect((await remindersTo(cancelled.volunteerId)).map((e) => e.status)).toEqual(["CANCELLED"]);
    expect((await remindersTo(moved.volunteerId)).map((e) => e.status)).toEqual(["CANCELLED"]);
    // The moved interview's new time has its own reminder; the cancelled one has none.
    expect((await sendDueScheduleReminders(db, { now })).interviews).toBe(1);
    expect((await remindersTo(moved.volunteerId)).map((e) => e.status)).toEqual(["CANCELLED", "PENDING"]);
  });

  it("is not sent after the person withdraws or is erased, nor once the interview has started", async () => {
    const withdrawn = await bookedInterview();
    const erased = await bookedInterview();
    const late = await bookedInterview(WINTER);
    const db = testDb();
    await withdrawParticipation(db, {
      volunteerId: withdrawn.volunteerId,
      participationIds: "all",
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: erased.volunteerId } });
    await eraseVolunteerData(db, await aResearcher("ADMIN"), {
      volunteerId: erased.volunteerId,
      confirmEmail: volunteer.email,
    });
    expect((await sendDueScheduleReminders(db, { now: before(withdrawn.startsAt, 2) })).interviews).toBe(0);
    // A worker that was down until after the start sends nothing late.
    expect((await sendDueScheduleReminders(db, { now: new Date(late.startsAt.getTime() + HOUR) })).interviews).toBe(0);
    expect(await db.outgoingEmail.count({ where: { template: "interview-reminder" } })).toBe(0);
  });

  it("is sent once when two workers run the pass at the same moment", async () => {
    const { volunteerId, startsAt } = await bookedInterview();
    const now = before(startsAt, 3);
    const other = createPrismaClient(testDatabaseUrl(), { maxConnections: 3 });
    try {
      const results = await Promise.all([
        sendDueScheduleReminders(testDb(), { now }),
        sendDueScheduleReminders(other, { now }),
      ]);
      expect(results.map((r) => r.interviews).sort()).toEqual([0, 1]);
    } finally {
      await other.$disconnect();
    }
    expect(await remindersTo(volunteerId)).toHaveLength(1);
  });
});

describe("the reminder before a workshop session", () => {
  it("goes once to each person with a place, not to the waiting list", async () => {
    const db = testDb();
    const admin = await aResearcher("ADMIN");
    const form = sessionFormSchema.parse({
      title: "Learning from partnerships: London",
      ...SUMMER,
      startTime: "10:00",
      endTime: "12:30",
      mode: "IN_PERSON",
      location: "Imperial College, South Kensington",
      onlineLink: "",
      region: "london",
      capacity: "1",
    });
    const { sessionId } = await createWorkshopSession(db, admin, { studySlug: "workshops", ...form });
    const seated = await consentedPerson("workshops");
    const waiting = await consentedPerson("workshops");
    await assignWorkshopPlace(db, byResearcher(admin), { ...seated, sessionId });
    await assignWorkshopPlace(db, byResearcher(admin), { ...waiting, sessionId });
    const now = before(form.startsAt, 12);
    expect(await sendDueScheduleReminders(db, { now })).toEqual({ interviews: 0, workshops: 1 });
    expect(await sendDueScheduleReminders(db, { now })).toEqual({ interviews: 0, workshops: 0 });
    const reminders = await remindersTo(seated.volunteerId, "workshop-reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.textBody).toContain("Where: Imperial College, South Kensington");
    expect(await remindersTo(waiting.volunteerId, "workshop-reminder")).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "workshop.reminder_sent" } })).toBe(1);
  });
});
