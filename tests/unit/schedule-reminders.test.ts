import { describe, expect, it } from "vitest";
import { renderInterviewReminder, renderWorkshopReminder } from "@/lib/email/templates/schedule-reminders";
import {
  scheduleReminderDecision,
  scheduleReminderKey,
  type ScheduleReminderCandidate,
} from "@/lib/reminders/schedule-reminder-decision";

const HOUR = 3_600_000;
const startsAt = new Date("2027-07-01T13:30:00.000Z");
const booked: ScheduleReminderCandidate = {
  booked: true,
  withdrawn: false,
  volunteerErased: false,
  startsAt,
  alreadySent: false,
};
const at = (hoursBefore: number) => new Date(startsAt.getTime() - hoursBefore * HOUR);

describe("scheduleReminderDecision", () => {
  it("is due from the given hours before the start until the start", () => {
    expect(scheduleReminderDecision(booked, at(24.01), 24)).toEqual({
      due: false,
      reason: "not-yet",
      dueAt: at(24),
    });
    expect(scheduleReminderDecision(booked, at(24), 24)).toEqual({ due: true });
    expect(scheduleReminderDecision(booked, at(0.1), 24)).toEqual({ due: true });
    expect(scheduleReminderDecision(booked, at(47), 48)).toEqual({ due: true });
  });

  it("is never sent once the start has passed", () => {
    expect(scheduleReminderDecision(booked, at(0), 24)).toEqual({ due: false, reason: "started" });
    expect(scheduleReminderDecision(booked, at(-5), 24)).toEqual({ due: false, reason: "started" });
  });

  it.each([
    [{ booked: false }, "not-booked"],
    [{ withdrawn: true }, "withdrawn"],
    [{ volunteerErased: true }, "erased"],
    [{ alreadySent: true }, "already-sent"],
  ] as const)("is not sent when %o", (change, reason) => {
    expect(scheduleReminderDecision({ ...booked, ...change }, at(2), 24)).toEqual({ due: false, reason });
  });

  it("keys a reminder by the booking and its start, so a moved booking gets a fresh one", () => {
    const moved = new Date(startsAt.getTime() + 2 * 86_400_000);
    expect(scheduleReminderKey("interview", "abc", startsAt)).toBe("interview-reminder:abc:2027-07-01T13:30:00.000Z");
    expect(scheduleReminderKey("interview", "abc", moved)).not.toBe(scheduleReminderKey("interview", "abc", startsAt));
    expect(scheduleReminderKey("workshop", "abc", startsAt)).toBe("workshop-reminder:abc:2027-07-01T13:30:00.000Z");
    // The old reminder was sent; the moved time's has not been.
    expect(scheduleReminderDecision({ ...booked, startsAt: moved }, new Date(moved.getTime() - HOUR), 24)).toEqual({
      due: true,
    });
  });
});

describe("the reminder emails", () => {
  const base = {
    fullName: "Ada Lovelace",
    studyTitle: "Interview study",
    contactName: "Dr Grace Hopper",
    contactEmail: "g.hopper@imperial.ac.uk",
    manageUrl: "https://portal.example/manage/abc",
  };

  it("give the interview's time in UK time with its zone, the Teams link and how to change it", () => {
    const email = renderInterviewReminder({
      ...base,
      startsAt,
      durationMinutes: 35,
      meetingLink: "https://teams.microsoft.com/l/meetup-join/x",
    });
    expect(email.subject).toBe("Reminder: your interview at 2:30pm on 1 July 2027");
    expect(email.text).toContain("When: 2:30pm to 3:05pm on 1 July 2027, UK time (BST)");
    expect(email.text).toContain("https://teams.microsoft.com/l/meetup-join/x");
    expect(email.text).toContain("contact Dr Grace Hopper at g.hopper@imperial.ac.uk");
    expect(email.text).toContain("https://portal.example/manage/abc");
  });

  it("give a winter workshop's time in GMT, and its place", () => {
    const email = renderWorkshopReminder({
      ...base,
      session: {
        title: "Learning from partnerships: Leeds",
        startsAt: new Date("2028-01-14T10:00:00.000Z"),
        endsAt: new Date("2028-01-14T12:30:00.000Z"),
        mode: "IN_PERSON",
        location: "Leeds General Infirmary",
        onlineLink: null,
      },
    });
    expect(email.subject).toBe("Reminder: your workshop on 14 January 2028");
    expect(email.text).toContain("10am to 12:30pm on 14 January 2028, UK time (GMT)");
    expect(email.text).toContain("Where: Leeds General Infirmary");
  });
});
