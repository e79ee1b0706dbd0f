import { beforeEach, describe, expect, it } from "vitest";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import { interviewFormSchema } from "@/lib/interviews/interview-form";
import { loadInterviewPage } from "@/lib/interviews/load-interview-page";
import { recordInterviewOutcome } from "@/lib/interviews/record-interview-outcome";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { firstErrorPerField } from "@/lib/forms/form-state";
import { publishConsentForm } from "@/lib/consent/publish-consent-form";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { participationOf } from "./support/participants";
import { testDatabaseUrl } from "./support/per-file-database";
import {
  SUMMER,
  WINTER,
  aResearcher,
  calendarOf,
  consentedPerson,
  icsProperty,
  invitedOnly,
} from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d";

function form(date: { day: string; month: string; year: string }, time = "14:30", extra: Record<string, string> = {}) {
  return interviewFormSchema.parse({ ...date, time, duration: "35", meetingLink: TEAMS, ...extra });
}

async function actions() {
  return (await testDb().auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
}

describe("the interview form", () => {
  it("reads a summer date as BST and a winter date as GMT", () => {
    expect(form(SUMMER).startsAt.toISOString()).toBe(`${SUMMER.year}-07-01T13:30:00.000Z`);
    expect(form(WINTER).startsAt.toISOString()).toBe(`${WINTER.year}-01-14T14:30:00.000Z`);
  });

  it("points out every problem at once, by field", () => {
    const result = interviewFormSchema.safeParse({
      day: "31",
      month: "2",
      year: "2027",
      time: "25:00",
      duration: "45",
      meetingLink: "https://zoom.us/j/123",
    });
    expect(result.success).toBe(false);
    expect(firstErrorPerField(result.error!)).toEqual({
      date: "The date of the interview must be a real date, for example 27 3 2027",
      time: "Enter the start time in 24-hour time, for example 14:30",
      duration: "Enter a length between 30 and 35 minutes",
      meetingLink:
        "Enter a Microsoft Teams meeting link: it starts with https://teams.microsoft.com/ or https://teams.live.com/",
    });
  });

  it.each([
    ["http://teams.microsoft.com/l/meetup-join/abc", false],
    ["https://teams.microsoft.com.evil.example/l/abc", false],
    ["https://evil.example/?https://teams.microsoft.com/", false],
    ["https://user:pw@teams.microsoft.com/l/abc", false],
    ["javascript:alert(1)", false],
    ["https://teams.live.com/meet/9384", true],
    ["https://TEAMS.microsoft.com/l/meetup-join/abc", true],
  ])("accepts only https links on Teams: %s", (link, ok) => {
    expect(interviewFormSchema.safeParse({ ...SUMMER, time: "10:00", duration: "30", meetingLink: link }).success).toBe(
      ok,
    );
  });

  it("refuses a time the clocks skip", () => {
    const result = interviewFormSchema.safeParse({
      day: "28",
      month: "3",
      year: "2027",
      time: "01:30",
      duration: "30",
      meetingLink: TEAMS,
    });
    expect(firstErrorPerField(result.error!).time).toMatch(/does not exist in the UK/);
  });
});

describe("scheduling an interview", () => {
  it("needs a signed consent first", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await invitedOnly();
    await expect(
      scheduleInterview(testDb(), researcher, { volunteerId, participationId, ...form(SUMMER) }),
    ).rejects.toThrow("Scheduling needs a signed consent first");
    expect(await testDb().interview.count()).toBe(0);
    expect(await testDb().outgoingEmail.count({ where: { template: { startsWith: "interview" } } })).toBe(0);
  });

  it("needs the current consent form signed: a person asked to re-consent is refused until they do", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
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
        title: "Consent form",
        statements: { create: [{ position: 1, key: "take-part", text: "I agree.", required: true }] },
      },
    });
    await publishConsentForm(db, { consentFormId: draft.id, actor: { type: "SYSTEM" } });
    await expect(scheduleInterview(db, researcher, { volunteerId, participationId, ...form(SUMMER) })).rejects.toThrow(
      "Scheduling needs a signed consent first",
    );
    const page = await loadInterviewPage(db, researcher, { volunteerId });
    expect(page?.participation?.signedCurrentConsent).toBe(false);
  });

  it("books it in UTC, emails the details in UK time with a calendar invitation, and audits it", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const { interviewId } = await scheduleInterview(db, researcher, {
      volunteerId,
      participationId,
      ...form(SUMMER, "14:30"),
    });

    const interview = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({
      status: "SCHEDULED",
      durationMinutes: 35,
      meetingLink: TEAMS,
      calendarSequence: 0,
      scheduledById: researcher.id,
    });
    expect(interview.startsAt.toISOString()).toBe(`${SUMMER.year}-07-01T13:30:00.000Z`);
    expect(interview.calendarUid).toMatch(new RegExp(`^interview-${interviewId}@`));
    expect((await participationOf(volunteerId)).status).toBe("SCHEDULED");

    const email = await db.outgoingEmail.findFirstOrThrow({
      where: { template: "interview-scheduled" },
      include: { attachments: true },
    });
    expect(email).toMatchObject({ volunteerId, participationId, status: "PENDING" });
    expect(email.subject).toBe(`Your interview is booked for 2:30pm on 1 July ${SUMMER.year}`);
    expect(email.textBody).toContain(`When: 2:30pm to 3:05pm on 1 July ${SUMMER.year} (UK time)`);
    expect(email.textBody).toContain("How long: 35 minutes");
    expect(email.textBody).toContain(`Join the interview on Microsoft Teams: ${TEAMS}`);
    expect(email.textBody).toMatch(
      /Contact Mark Skopec at mark\.skopec17@imperial\.ac\.uk and we will find another time/,
    );
    expect(email.textBody).toMatch(/Manage your participation: https?:\/\/[^\s]+\/manage\/[A-Za-z0-9_-]{43}/);
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({
      filename: "invitation.ics",
      contentType: "text/calendar; charset=utf-8; method=REQUEST",
    });

    const ics = await calendarOf(volunteerId, "interview-scheduled");
    expect(icsProperty(ics, "METHOD")).toBe("REQUEST");
    expect(icsProperty(ics, "UID")).toBe(interview.calendarUid);
    expect(icsProperty(ics, "SEQUENCE")).toBe("0");
    expect(icsProperty(ics, "DTSTART")).toBe(`${SUMMER.year}0701T133000Z`);
    expect(icsProperty(ics, "DTEND")).toBe(`${SUMMER.year}0701T140500Z`);
    expect(icsProperty(ics, "STATUS")).toBe("CONFIRMED");
    expect(icsProperty(ics, "URL")).toBe(TEAMS);
    expect(icsProperty(ics, "ORGANIZER")).toMatch(/mailto:mark\.skopec17@imperial\.ac\.uk/i);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "interview.scheduled" } });
    expect(event).toMatchObject({
      actorType: "RESEARCHER",
      actorId: researcher.id,
      subjectType: "participation",
      subjectId: participationId,
    });
    expect(event.data).toEqual({ interviewId, durationMinutes: 35, calendarSequence: 0 });
  });

  it("writes a winter (GMT) interview's time in UTC too", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    await scheduleInterview(testDb(), researcher, {
      volunteerId,
      participationId,
      ...form(WINTER, "09:00", { duration: "30" }),
    });
    const ics = await calendarOf(volunteerId, "interview-scheduled");
    expect(icsProperty(ics, "DTSTART")).toBe(`${WINTER.year}0114T090000Z`);
    expect(icsProperty(ics, "DTEND")).toBe(`${WINTER.year}0114T093000Z`);
    const email = await testDb().outgoingEmail.findFirstOrThrow({ where: { template: "interview-scheduled" } });
    expect(email.textBody).toContain(`When: 9am to 9:30am on 14 January ${WINTER.year} (UK time)`);
  });

  it("refuses a time in the past, a second interview, and a length outside 30 to 35 minutes", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const past = { startsAt: new Date(Date.now() - 60_000), durationMinutes: 30, meetingLink: TEAMS };
    await expect(scheduleInterview(db, researcher, { volunteerId, participationId, ...past })).rejects.toThrow(
      "The interview must be in the future",
    );
    await expect(
      scheduleInterview(db, researcher, { volunteerId, participationId, ...form(SUMMER), durationMinutes: 60 }),
    ).rejects.toThrow(/between 30 and 35/);
    await expect(
      scheduleInterview(db, researcher, {
        volunteerId,
        participationId,
        ...form(SUMMER),
        meetingLink: "https://zoom.us/j/1",
      }),
    ).rejects.toThrow(/Teams/);
    await scheduleInterview(db, researcher, { volunteerId, participationId, ...form(SUMMER) });
    await expect(scheduleInterview(db, researcher, { volunteerId, participationId, ...form(WINTER) })).rejects.toThrow(
      /already has an interview booked/,
    );
    expect(await db.interview.count()).toBe(1);
  });

  it("books one interview when two researchers book the same person at the same moment", async () => {
    const [a, b] = [await aResearcher(), await aResearcher()];
    const { volunteerId, participationId } = await consentedPerson();
    const db = createPrismaClient(testDatabaseUrl(), { maxConnections: 4 });
    try {
      const results = await Promise.allSettled([
        scheduleInterview(db, a, { volunteerId, participationId, ...form(SUMMER, "10:00") }),
        scheduleInterview(db, b, { volunteerId, participationId, ...form(SUMMER, "11:00") }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(await testDb().interview.count()).toBe(1);
      expect(await testDb().outgoingEmail.count({ where: { template: "interview-scheduled" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("reaches only the person in the address: another person's participation or interview is not found", async () => {
    const researcher = await aResearcher();
    const alice = await consentedPerson();
    const bob = await consentedPerson();
    const db = testDb();
    await expect(
      scheduleInterview(db, researcher, {
        volunteerId: alice.volunteerId,
        participationId: bob.participationId,
        ...form(SUMMER),
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    const workshop = await participationOf(alice.volunteerId, "workshops");
    await expect(
      scheduleInterview(db, researcher, {
        volunteerId: alice.volunteerId,
        participationId: workshop.id,
        ...form(SUMMER),
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    const { interviewId } = await scheduleInterview(db, researcher, {
      volunteerId: bob.volunteerId,
      participationId: bob.participationId,
      ...form(SUMMER),
    });
    await expect(
      cancelInterview(db, researcher, {
        volunteerId: alice.volunteerId,
        participationId: alice.participationId,
        interviewId,
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("SCHEDULED");
  });
});

describe("moving and cancelling an interview", () => {
  it("keeps the calendar UID, raises SEQUENCE each time, and cancels with METHOD:CANCEL", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const { interviewId } = await scheduleInterview(db, researcher, {
      volunteerId,
      participationId,
      ...form(SUMMER, "14:30"),
    });
    const uid = (await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).calendarUid;

    await rescheduleInterview(db, researcher, {
      volunteerId,
      participationId,
      interviewId,
      ...form(WINTER, "10:15", { duration: "30" }),
    });
    let ics = await calendarOf(volunteerId, "interview-rescheduled");
    expect([
      icsProperty(ics, "METHOD"),
      icsProperty(ics, "UID"),
      icsProperty(ics, "SEQUENCE"),
      icsProperty(ics, "DTSTART"),
    ]).toEqual(["REQUEST", uid, "1", `${WINTER.year}0114T101500Z`]);
    const moved = await db.outgoingEmail.findFirstOrThrow({ where: { template: "interview-rescheduled" } });
    expect(moved.subject).toBe(`Your interview has moved to 10:15am on 14 January ${WINTER.year}`);
    expect(moved.textBody).toContain(`It was at 2:30pm on 1 July ${SUMMER.year}.`);

    await rescheduleInterview(db, researcher, {
      volunteerId,
      participationId,
      interviewId,
      ...form(WINTER, "11:00", { duration: "30" }),
    });
    ics = await calendarOf(volunteerId, "interview-rescheduled");
    expect(icsProperty(ics, "SEQUENCE")).toBe("2");

    await cancelInterview(db, researcher, { volunteerId, participationId, interviewId });
    ics = await calendarOf(volunteerId, "interview-cancelled");
    expect([
      icsProperty(ics, "METHOD"),
      icsProperty(ics, "UID"),
      icsProperty(ics, "SEQUENCE"),
      icsProperty(ics, "STATUS"),
    ]).toEqual(["CANCEL", uid, "3", "CANCELLED"]);
    expect(icsProperty(ics, "DTSTART")).toBe(`${WINTER.year}0114T110000Z`);
    const cancelled = await db.outgoingEmail.findFirstOrThrow({
      where: { template: "interview-cancelled" },
      include: { attachments: true },
    });
    expect(cancelled.attachments[0]).toMatchObject({
      filename: "cancellation.ics",
      contentType: "text/calendar; charset=utf-8; method=CANCEL",
    });
    expect(cancelled.textBody).toMatch(/\/manage\/[A-Za-z0-9_-]{43}/);

    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("CANCELLED");
    expect((await participationOf(volunteerId)).status).toBe("CONSENTED");
    expect(await actions()).toEqual(
      expect.arrayContaining([
        "interview.scheduled",
        "interview.rescheduled",
        "interview.rescheduled",
        "interview.cancelled",
      ]),
    );
    await expect(
      rescheduleInterview(db, researcher, { volunteerId, participationId, interviewId, ...form(SUMMER) }),
    ).rejects.toBeInstanceOf(SchedulingError);

    // A new interview can be booked, as a new calendar event.
    const again = await scheduleInterview(db, researcher, { volunteerId, participationId, ...form(SUMMER) });
    expect((await db.interview.findUniqueOrThrow({ where: { id: again.interviewId } })).calendarUid).not.toBe(uid);
  });

  it("is cancelled, without a calendar update, when the person withdraws", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const { interviewId } = await scheduleInterview(testDb(), researcher, {
      volunteerId,
      participationId,
      ...form(SUMMER),
    });
    await withdrawParticipation(testDb(), {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    expect((await testDb().interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("CANCELLED");
    await expect(
      rescheduleInterview(testDb(), researcher, { volunteerId, participationId, interviewId, ...form(WINTER) }),
    ).rejects.toBeInstanceOf(SchedulingError);
  });
});

describe("recording the outcome", () => {
  it("waits for the interview's time, then marks it completed", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const slot = form(SUMMER, "14:30");
    const { interviewId } = await scheduleInterview(db, researcher, { volunteerId, participationId, ...slot });
    const input = { volunteerId, participationId, interviewId, outcome: "COMPLETED" as const };
    await expect(
      recordInterviewOutcome(db, researcher, input, new Date(slot.startsAt.getTime() - 60_000)),
    ).rejects.toThrow(/once the interview's start time has passed/);

    const after = new Date(slot.startsAt.getTime() + 40 * 60_000);
    await recordInterviewOutcome(db, researcher, input, after);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("COMPLETED");
    const participation = await participationOf(volunteerId);
    expect(participation.status).toBe("COMPLETED");
    expect(participation.completedAt?.toISOString()).toBe(after.toISOString());
    const email = await db.outgoingEmail.findFirstOrThrow({
      where: { template: "interview-completed" },
      include: { attachments: true },
    });
    expect(email.subject).toBe("Thank you for your interview");
    expect(email.attachments).toHaveLength(0);
    expect(await actions()).toContain("interview.completed");
    await expect(recordInterviewOutcome(db, researcher, input, after)).rejects.toThrow(/already been recorded/);
  });

  it("marks a missed interview DID_NOT_ATTEND and puts the person back to CONSENTED, so another can be booked", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const slot = form(SUMMER, "14:30");
    const { interviewId } = await scheduleInterview(db, researcher, { volunteerId, participationId, ...slot });
    await recordInterviewOutcome(
      db,
      researcher,
      { volunteerId, participationId, interviewId, outcome: "DID_NOT_ATTEND" },
      new Date(slot.startsAt.getTime() + 60_000),
    );
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("DID_NOT_ATTEND");
    expect((await participationOf(volunteerId)).status).toBe("CONSENTED");
    expect(
      (await db.outgoingEmail.findFirstOrThrow({ where: { template: "interview-did-not-attend" } })).textBody,
    ).toContain("to arrange another time");
    expect(await actions()).toContain("interview.did_not_attend");
    await scheduleInterview(db, researcher, { volunteerId, participationId, ...form(WINTER) });
    expect(await db.interview.count({ where: { participationId } })).toBe(2);
  });
});

describe("the interview page's data", () => {
  it("shows the booked interview and every earlier one, and nothing for an unknown volunteer", async () => {
    const researcher = await aResearcher();
    const { volunteerId, participationId } = await consentedPerson();
    const db = testDb();
    const first = await scheduleInterview(db, researcher, { volunteerId, participationId, ...form(SUMMER) });
    await cancelInterview(db, researcher, { volunteerId, participationId, interviewId: first.interviewId });
    const second = await scheduleInterview(db, researcher, { volunteerId, participationId, ...form(WINTER) });
    const page = await loadInterviewPage(db, researcher, { volunteerId });
    expect(page?.participation).toMatchObject({ id: participationId, status: "SCHEDULED", signedCurrentConsent: true });
    expect(page?.booked?.id).toBe(second.interviewId);
    expect(page?.history.map((h) => h.status)).toEqual(["SCHEDULED", "CANCELLED"]);
    expect(page?.openSlots).toEqual([]);
    expect(await loadInterviewPage(db, researcher, { volunteerId: crypto.randomUUID() })).toBeNull();
  });
});
