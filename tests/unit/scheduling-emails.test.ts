import { describe, expect, it } from "vitest";
import { calendarAttachment, calendarText, calendarUid, type CalendarEvent } from "@/lib/calendar/calendar-file";
import {
  renderInterviewCancellation,
  renderInterviewInvitation,
  renderInterviewOutcome,
} from "@/lib/email/templates/interview-emails";
import {
  renderWorkshopAttendance,
  renderWorkshopCancellation,
  renderWorkshopOffer,
  renderWorkshopOfferEnded,
  renderWorkshopPlace,
  renderWorkshopWaitlistChanged,
  renderWorkshopWaitlisted,
  type WorkshopSessionFacts,
} from "@/lib/email/templates/workshop-emails";

const name = `Ada "<b>" O'Brien`;
const escapedName = "Ada &quot;&lt;b&gt;&quot; O&#39;Brien";
const manageUrl = "https://portal.example.ac.uk/manage/abc?x=1&y=2";
const contact = { contactName: "Mark Skopec", contactEmail: "mark.skopec17@imperial.ac.uk" };
const teams = "https://teams.microsoft.com/l/meetup-join/abc";
/** 2:30pm BST on 1 July 2027. */
const summer = new Date("2027-07-01T13:30:00Z");
const base = {
  fullName: name,
  studyTitle: "Interview study",
  startsAt: summer,
  durationMinutes: 35,
  ...contact,
  manageUrl,
};
const session: WorkshopSessionFacts = {
  title: "Leeds & York",
  startsAt: new Date("2027-01-14T10:00:00Z"),
  endsAt: new Date("2027-01-14T12:30:00Z"),
  mode: "IN_PERSON",
  location: "Room 1, Leeds General Infirmary",
  onlineLink: null,
};
const workshop = { fullName: name, studyTitle: "Workshops", session, ...contact, manageUrl };

const emails = {
  "interview booked": renderInterviewInvitation({ ...base, meetingLink: teams, previousStartsAt: null }),
  "interview moved": renderInterviewInvitation({
    ...base,
    meetingLink: teams,
    previousStartsAt: new Date("2027-06-30T08:00:00Z"),
  }),
  "interview cancelled": renderInterviewCancellation(base),
  "interview completed": renderInterviewOutcome({ ...base, outcome: "COMPLETED" }),
  "interview missed": renderInterviewOutcome({ ...base, outcome: "DID_NOT_ATTEND" }),
  "workshop booked": renderWorkshopPlace({ ...workshop, kind: "booked" }),
  "workshop moved": renderWorkshopPlace({
    ...workshop,
    kind: "moved",
    previous: { ...session, title: "Online", startsAt: summer },
  }),
  "workshop accepted": renderWorkshopPlace({ ...workshop, kind: "accepted" }),
  "workshop offer": renderWorkshopOffer({
    ...workshop,
    expiresAt: new Date("2027-01-10T17:00:00Z"),
    answerUrl: "https://example.org/manage/T/workshop?p=P",
  }),
  "workshop offer expired": renderWorkshopOfferEnded({ ...workshop, reason: "EXPIRED" }),
  "workshop changed": renderWorkshopPlace({ ...workshop, kind: "changed" }),
  "workshop waitlisted": renderWorkshopWaitlisted({ ...workshop, position: 3 }),
  "workshop waitlist changed": renderWorkshopWaitlistChanged(workshop),
  "workshop place cancelled": renderWorkshopCancellation({
    ...workshop,
    reason: "PLACE_CANCELLED",
    wasWaitlisted: false,
  }),
  "workshop session cancelled": renderWorkshopCancellation({
    ...workshop,
    reason: "SESSION_CANCELLED",
    wasWaitlisted: true,
  }),
  "workshop attended": renderWorkshopAttendance({ ...workshop, attended: true }),
  "workshop missed": renderWorkshopAttendance({ ...workshop, attended: false }),
};

describe("every scheduling email", () => {
  for (const [label, email] of Object.entries(emails)) {
    it(`greets the person safely and ends with "Manage your participation": ${label}`, () => {
      expect(email.text).toContain(`Dear ${name},`);
      expect(email.html).toContain(`Dear ${escapedName},`);
      expect(email.html).not.toContain(name);
      expect(email.text.trimEnd()).toMatch(
        /Manage your participation: https:\/\/portal\.example\.ac\.uk\/manage\/abc\?x=1&y=2$/,
      );
      expect(email.html).toContain('href="https://portal.example.ac.uk/manage/abc?x=1&amp;y=2"');
      expect(email.html).not.toMatch(/<script|<img|javascript:/i);
    });
  }
});

describe("the interview emails", () => {
  it("say when in UK time, how long, the Teams link and how to rearrange", () => {
    const email = emails["interview booked"];
    expect(email.subject).toBe("Your interview is booked for 2:30pm on 1 July 2027");
    for (const fact of [
      "When: 2:30pm to 3:05pm on 1 July 2027 (UK time)",
      "How long: 35 minutes",
      `Join the interview on Microsoft Teams: ${teams}`,
      "A calendar invitation is attached",
      "Contact Mark Skopec at mark.skopec17@imperial.ac.uk and we will find another time.",
      "withdraw at any time, without giving a reason",
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.html).toContain(`<a href="${teams}"`);
  });

  it("point to the manage link first when the person can move or cancel the interview themselves", () => {
    const own = renderInterviewInvitation({
      ...base,
      meetingLink: teams,
      previousStartsAt: null,
      ownChangeCutoffHours: 24,
    });
    expect(own.text).toContain(
      'You can move it to another time on offer, or cancel it, yourself up to 24 hours before it starts: use the "Manage your participation" link',
    );
    expect(own.text).toContain("Contact Mark Skopec at mark.skopec17@imperial.ac.uk");
    expect(emails["interview booked"].text).not.toContain("yourself");
    expect(renderInterviewCancellation({ ...base, ownChangeCutoffHours: 24 }).text).toContain(
      'you can choose another time on offer with the "Manage your participation" link below',
    );
  });

  it("say what the time was when it moved, and what is cancelled", () => {
    expect(emails["interview moved"].text).toContain("It was at 9am on 30 June 2027.");
    expect(emails["interview moved"].text).toContain("replaces the earlier one");
    expect(emails["interview cancelled"].subject).toBe("Your interview on 1 July 2027 has been cancelled");
    expect(emails["interview cancelled"].text).toContain(
      "booked for 2:30pm to 3:05pm on 1 July 2027 (UK time), has been cancelled",
    );
    expect(emails["interview missed"].text).toContain("to arrange another time");
  });
});

describe("the workshop emails", () => {
  it("say when and where, in GMT in winter, with the waiting-list position", () => {
    expect(emails["workshop booked"].text).toContain("When: 10am to 12:30pm on 14 January 2027 (UK time)");
    expect(emails["workshop booked"].text).toContain("Where: Room 1, Leeds General Infirmary");
    expect(emails["workshop booked"].html).toContain("Workshop: Leeds &amp; York");
    expect(emails["workshop waitlisted"].text).toContain("You are on its waiting list (number 3).");
    expect(emails["workshop accepted"].text).toContain("Thank you for accepting the place");
    expect(emails["workshop accepted"].text).toContain("You can give up your place or choose another session");
    // The offer says how long it is held, in UK time, and links to the person's own page to answer.
    expect(emails["workshop offer"].text).toContain("until 5pm on 10 January 2027 (GMT)");
    expect(emails["workshop offer"].text).toContain("https://example.org/manage/T/workshop?p=P");
    expect(emails["workshop offer expired"].text).toContain("you can choose another session");
    expect(emails["workshop moved"].text).toContain(
      "Your place has moved from Online on 1 July 2027 to this workshop:",
    );
  });

  it("give the link of an online workshop", () => {
    const online = renderWorkshopPlace({
      ...workshop,
      session: { ...session, mode: "ONLINE", location: null, onlineLink: teams },
      kind: "booked",
    });
    expect(online.text).toContain("Where: online");
    expect(online.text).toContain(`Join the workshop online: ${teams}`);
  });

  it("tell someone on the waiting list that the session is cancelled, without a calendar", () => {
    const email = emails["workshop session cancelled"];
    expect(email.subject).toBe("The workshop on 14 January 2027 has been cancelled");
    expect(email.text).toContain("your place on the waiting list");
    expect(email.text).not.toContain("calendar");
  });
});

describe("the calendar file", () => {
  const event: CalendarEvent = {
    method: "REQUEST",
    uid: calendarUid("interview", "0b9a7c1e-4f11-4c3e-9f55-1f0f5c9d2a10", "https://research.example.ac.uk"),
    sequence: 3,
    startsAt: summer,
    endsAt: new Date(summer.getTime() + 35 * 60_000),
    title: "Research interview",
    description: "Line one; with, punctuation\nLine two",
    location: "Room 1; Floor 2\r\nBEGIN:VEVENT",
    url: teams,
    organizer: { name: "Mark Skopec", email: "mark.skopec17@imperial.ac.uk" },
    attendee: { name: 'Ada "Countess" Lovelace', email: "ada@nhs.net" },
  };

  it("writes a request in UTC with the UID and SEQUENCE given", () => {
    const ics = calendarText(event);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("\r\nMETHOD:REQUEST\r\n");
    expect(ics).toContain("\r\nUID:interview-0b9a7c1e-4f11-4c3e-9f55-1f0f5c9d2a10@research.example.ac.uk\r\n");
    expect(ics).toContain("\r\nSEQUENCE:3\r\n");
    expect(ics).toContain("\r\nDTSTART:20270701T133000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20270701T140500Z\r\n");
    expect(ics).toContain("\r\nSTATUS:CONFIRMED\r\n");
    expect(ics).toMatch(/ORGANIZER;CN="?Mark Skopec"?:mailto:mark\.skopec17@imperial\.ac\.uk/i);
  });

  it("cannot be broken by the text in it: line breaks and separators are escaped", () => {
    const lines = calendarText(event)
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines).toContain("DESCRIPTION:Line one\\; with\\, punctuation\\nLine two");
    expect(lines).toContain("LOCATION:Room 1\\; Floor 2\\nBEGIN:VEVENT");
    // A double quote cannot appear inside a quoted parameter such as the attendee's name.
    expect(lines.find((l) => l.startsWith("ATTENDEE"))).toContain(`CN="Ada 'Countess' Lovelace":mailto:ada@nhs.net`);
  });

  it("cancels with METHOD:CANCEL and STATUS:CANCELLED, as an attachment named so", () => {
    const file = calendarAttachment({ ...event, method: "CANCEL", sequence: 4 });
    expect(file.filename).toBe("cancellation.ics");
    expect(file.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    const ics = new TextDecoder().decode(file.content);
    expect(ics).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics).toContain("\r\nSEQUENCE:4\r\n");
  });
});
