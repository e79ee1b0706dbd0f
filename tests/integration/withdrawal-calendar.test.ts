import { byResearcher } from "@/lib/workshops/place-actor";
import ical, { type CalendarResponse, type VEvent } from "node-ical";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { interviewFormSchema } from "@/lib/interviews/interview-form";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { eraseVolunteerData } from "@/lib/volunteers/erase-volunteer-data";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { createWorkshopSession } from "@/lib/workshops/create-workshop-session";
import { sessionFormSchema } from "@/lib/workshops/session-form";
import { SUMMER, aResearcher, consentedPerson } from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d";

/** The one event of an iCalendar file, read by a real parser, with the file's METHOD. */
function parseCalendar(bytes: Uint8Array): { method: string | undefined; event: VEvent } {
  const parsed: CalendarResponse = ical.sync.parseICS(new TextDecoder().decode(bytes));
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === "VEVENT");
  expect(events).toHaveLength(1);
  const calendar = parsed.vcalendar as { method?: string } | undefined;
  return { method: calendar?.method, event: events[0]! };
}

async function latestEmail(volunteerId: string, template: string) {
  return testDb().outgoingEmail.findFirstOrThrow({
    where: { volunteerId, template },
    orderBy: { createdAt: "desc" },
    include: { attachments: { orderBy: { filename: "asc" } } },
  });
}

async function bookedInterview() {
  const researcher = await aResearcher();
  const person = await consentedPerson("interview-study");
  const time = interviewFormSchema.parse({ ...SUMMER, time: "14:30", duration: "35", meetingLink: TEAMS });
  const { interviewId } = await scheduleInterview(testDb(), researcher, { ...person, ...time });
  const invitation = parseCalendar(
    (await latestEmail(person.volunteerId, "interview-scheduled")).attachments[0]!.content,
  );
  return { ...person, researcher, interviewId, invitation };
}

async function aSession(capacity: number) {
  const admin = await aResearcher("ADMIN");
  const form = sessionFormSchema.parse({
    title: "Learning from partnerships: Leeds",
    ...SUMMER,
    startTime: "10:00",
    endTime: "12:30",
    mode: "IN_PERSON",
    location: "Leeds General Infirmary",
    onlineLink: "",
    region: "london",
    capacity: String(capacity),
  });
  return (await createWorkshopSession(testDb(), admin, { studySlug: "workshops", ...form })).sessionId;
}

describe("withdrawing sends the calendar cancellation", () => {
  it("for a booked interview: METHOD:CANCEL, the booking's UID, SEQUENCE up by one, in the confirmation", async () => {
    const { volunteerId, participationId, interviewId, invitation } = await bookedInterview();
    expect(invitation.method).toBe("REQUEST");
    const db = testDb();

    await withdrawParticipation(db, {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });

    const interview = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.status).toBe("CANCELLED");
    expect(interview.calendarSequence).toBe(Number(invitation.event.sequence) + 1);
    const confirmation = await latestEmail(volunteerId, "withdrawal-confirmation");
    expect(confirmation.status).toBe("PENDING");
    expect(confirmation.textBody).toContain("Your booking is cancelled");
    expect(confirmation.textBody).toContain("Your interview for");
    expect(confirmation.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["cancelled-interview.ics", "text/calendar; charset=utf-8; method=CANCEL"],
    ]);
    const cancel = parseCalendar(confirmation.attachments[0]!.content);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.event.uid).toBe(invitation.event.uid);
    expect(cancel.event.uid).toBe(interview.calendarUid);
    expect(Number(cancel.event.sequence)).toBe(interview.calendarSequence);
    expect(cancel.event.status).toBe("CANCELLED");
    expect(cancel.event.start.toISOString()).toBe(invitation.event.start.toISOString());
    // The audit event names what was cancelled, by id.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "participation.withdrawn" } });
    expect(audit.data).toMatchObject({ interviewsCancelled: [interviewId], workshopBookingsCancelled: [] });
  });

  it("for a workshop place, recorded by a researcher; a waiting-list place gets no calendar file", async () => {
    const db = testDb();
    const sessionId = await aSession(1);
    const researcher = await aResearcher();
    const seated = await consentedPerson("workshops");
    const waiting = await consentedPerson("workshops");
    const third = await consentedPerson("workshops");
    expect((await assignWorkshopPlace(db, byResearcher(researcher), { ...seated, sessionId })).status).toBe("BOOKED");
    await assignWorkshopPlace(db, byResearcher(researcher), { ...waiting, sessionId });
    await assignWorkshopPlace(db, byResearcher(researcher), { ...third, sessionId });
    const booking = await db.workshopBooking.findFirstOrThrow({ where: { participationId: seated.participationId } });
    expect(booking.status).toBe("BOOKED");
    const place = await latestEmail(seated.volunteerId, "workshop-place-booked");
    const invitation = parseCalendar(place.attachments.find((a) => a.filename === "invitation.ics")!.content);

    await withdrawParticipation(db, {
      volunteerId: seated.volunteerId,
      participationIds: [seated.participationId],
      method: "RECORDED_BY_RESEARCHER",
      recordedById: researcher.id,
      channel: "email",
      dataChoice: "KEEP",
      reason: null,
    });
    const after = await db.workshopBooking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after).toMatchObject({ status: "CANCELLED", calendarSequence: booking.calendarSequence + 1 });
    const confirmation = await latestEmail(seated.volunteerId, "withdrawal-confirmation");
    expect(confirmation.attachments.map((a) => a.filename)).toEqual(["cancelled-workshop.ics"]);
    const cancel = parseCalendar(confirmation.attachments[0]!.content);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.event.uid).toBe(invitation.event.uid);
    expect(Number(cancel.event.sequence)).toBe(Number(invitation.event.sequence) + 1);
    // Their seat is offered to the first on the waiting list, who has not answered yet.
    expect(
      (await db.workshopBooking.findFirstOrThrow({ where: { participationId: waiting.participationId } })).status,
    ).toBe("OFFERED");

    // The third person was still waiting: their withdrawal cancels the place, with nothing for a calendar.
    await withdrawParticipation(db, {
      volunteerId: third.volunteerId,
      participationIds: "all",
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const waited = await db.workshopBooking.findFirstOrThrow({ where: { participationId: third.participationId } });
    expect(waited.status).toBe("CANCELLED");
    const thirdConfirmation = await latestEmail(third.volunteerId, "withdrawal-confirmation");
    expect(thirdConfirmation.attachments).toEqual([]);
    expect(thirdConfirmation.textBody).toContain("Your place on the waiting list for the workshop");
    expect(thirdConfirmation.textBody).not.toContain("calendar file");

    // The person offered the seat withdraws before answering: the offer ends, and it was never in a calendar.
    await withdrawParticipation(db, {
      volunteerId: waiting.volunteerId,
      participationIds: "all",
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const offered = await db.workshopBooking.findFirstOrThrow({ where: { participationId: waiting.participationId } });
    expect(offered).toMatchObject({ status: "CANCELLED", offerExpiresAt: null });
    const offeredConfirmation = await latestEmail(waiting.volunteerId, "withdrawal-confirmation");
    expect(offeredConfirmation.attachments).toEqual([]);
    expect(offeredConfirmation.textBody).toContain("The place you were offered at the workshop");
  });

  it("with nothing booked, as before: no calendar file", async () => {
    const { volunteerId, participationId } = await consentedPerson("interview-study");
    await withdrawParticipation(testDb(), {
      volunteerId,
      participationIds: [participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    const confirmation = await latestEmail(volunteerId, "withdrawal-confirmation");
    expect(confirmation.attachments).toEqual([]);
    expect(confirmation.textBody).not.toContain("cancelled");
  });

  it("but erasure sends nothing to the person: the interview is cancelled and no email waits for them", async () => {
    const { volunteerId, interviewId } = await bookedInterview();
    const db = testDb();
    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: volunteerId } });
    await eraseVolunteerData(db, await aResearcher("ADMIN"), { volunteerId, confirmEmail: volunteer.email });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("CANCELLED");
    expect(await db.outgoingEmail.count({ where: { volunteerId, status: "PENDING" } })).toBe(0);
    expect(await db.outgoingEmail.count({ where: { template: "withdrawal-confirmation" } })).toBe(0);
  });
});
