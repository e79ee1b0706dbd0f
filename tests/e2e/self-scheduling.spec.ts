import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { bookInterviewSlot } from "@/lib/interviews/book-interview-slot";
import { publishInterviewSlots } from "@/lib/interviews/interview-slots";
import { formatUkDay, slotTimeLabel } from "@/lib/interviews/slot-days";
import type { Database } from "@/lib/db/prisma";
import { londonTimeToInstant, londonWallClock } from "@/lib/text/london-time";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { baseURL } from "../playwright.config";
import { linkIn, studyCard, test, waitForEmail } from "./consent-journey";
import { TEAMS_LINK, aVolunteer, aWorkshopSession, type Volunteer } from "./scheduling-journey";
import { anInterviewer, calendarIn, nextWeek, openPublishForm, publishWeekOfTimes } from "./self-scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/**
 * Issue 10's journey: a researcher publishes a week of interview times through the dashboard, and a
 * consented participant books, moves and cancels one of them from the personal link in their email; a
 * participant takes a workshop place, and a freed place is offered to the first on the waiting list. Every
 * calendar file is read from the caught email by an independent iCalendar parser (node-ical).
 */

// Madrid is an hour ahead of the UK all year, so the page adds the person's own time beside each UK time.
test.use({ timezoneId: "Europe/Madrid" });

/** Three 30-minute slots at 10am, 11am and 2pm UK time, on a day some months ahead, made through the data layer. */
async function publishSlots(db: Database) {
  const researcher = await db.researcher.create({
    data: {
      email: `interviewer.${randomUUID().slice(0, 8)}@imperial.ac.uk`,
      name: "Test interviewer",
      role: "RESEARCHER",
    },
  });
  const study = await db.study.findUniqueOrThrow({ where: { slug: "interview-study" } });
  const day = londonWallClock(new Date(Date.now() + (40 + Math.floor(Math.random() * 200)) * 86_400_000));
  const starts = [10, 11, 14].map((hour) => londonTimeToInstant(day, { hour, minute: 0 })!);
  const { slotIds } = await publishInterviewSlots(
    db,
    { id: researcher.id, email: researcher.email, name: researcher.name, role: "RESEARCHER", totpEnabled: true },
    { studyId: study.id, startsAt: starts, durationMinutes: 30, interviewerId: researcher.id, meetingLink: TEAMS_LINK },
  );
  return { study, day: formatUkDay(starts[0]!), slots: slotIds.map((id, i) => ({ id, startsAt: starts[i]! })) };
}

async function checkPage(page: Page) {
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
}

test("a researcher publishes a week of interview times, and a consented participant books one from their email's link, moves it and cancels it @phone", async ({
  page,
  request,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(180_000);
  const me = await anInterviewer(page, portalDb, authSecret, "RESEARCHER");
  await openPublishForm(page);
  await publishWeekOfTimes(page, me, nextWeek());
  const published = await portalDb.interviewSlot.findMany({
    where: { interviewerId: me.id },
    orderBy: { startsAt: "asc" },
  });
  expect(published).toHaveLength(10);
  // Wednesday's 10am and 2pm and Thursday's 10am: far enough ahead for the study's 24-hour cut-off,
  // whatever day of the week the test runs.
  const [first, second, third] = [published[4]!, published[5]!, published[6]!];
  const day = formatUkDay(first.startsAt);
  const study = await portalDb.study.findUniqueOrThrow({ where: { slug: "interview-study" } });

  // The participant is someone else, in a browser of their own.
  await page.context().clearCookies();
  const volunteer = await aVolunteer(portalDb, { name: "Katherine Johnson", signed: ["interview-study"] });
  const signed = await waitForEmail(request, volunteer.email, "Your signed consent form");
  const manageUrl = linkIn(signed, "manage");

  await page.goto(manageUrl);
  const card = studyCard(page, study.title);
  await checkPage(page);
  await card.getByRole("link", { name: /^Choose a time for your interview/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a time for your interview");
  const group = page.getByRole("group", { name: day });
  // Other tests publish the same week for other interviewers, so the time is found by its slot.
  await expect(group.locator(`input[value="${first.id}"]`)).toHaveAccessibleName(
    `${slotTimeLabel(first)} (11am your time, Europe/Madrid)`,
  );
  await checkPage(page);

  // Nothing chosen.
  await page.getByRole("button", { name: "Book this time" }).click();
  const summary = page.locator("#slot-form-errors");
  await expect(summary.getByRole("link")).toHaveText(["Choose a time for your interview"]);
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#slotId");
  await expect(summary).toBeFocused();
  await checkPage(page);

  await page.locator(`input[value="${first.id}"]`).check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview booked");
  await expect(page.locator(".nhsuk-panel")).toContainText(`10am to 10:30am on ${day} (UK time)`);
  await expect(page.getByText("We have emailed you the details and a calendar invitation")).toBeVisible();
  await checkPage(page);
  const booked = await calendarIn(
    request,
    await waitForEmail(request, volunteer.email, "Your interview is booked"),
    "invitation.ics",
  );
  expect(booked).toMatchObject({ method: "REQUEST", sequence: 0, start: first.startsAt });
  const interview = await portalDb.interview.findFirstOrThrow({
    where: { participationId: volunteer.participations["interview-study"] },
  });
  expect(booked.uid).toBe(interview.calendarUid);

  // Move it.
  await page.goto(manageUrl);
  await expect(card).toContainText(`10am to 10:30am on ${day} (UK time)`);
  await expect(card.getByRole("link", { name: /^Join the interview on Microsoft Teams/ })).toHaveAttribute(
    "href",
    TEAMS_LINK,
  );
  await card.getByRole("link", { name: /^Change the time/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the time of your interview");
  await expect(page.locator(`input[value="${first.id}"]`)).toHaveCount(0);
  await checkPage(page);
  await page.locator(`input[value="${second.id}"]`).check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview moved");
  await checkPage(page);
  const moved = await calendarIn(
    request,
    await waitForEmail(request, volunteer.email, "Your interview has moved"),
    "invitation.ics",
  );
  expect(moved).toMatchObject({ method: "REQUEST", uid: booked.uid, sequence: 1, start: second.startsAt });

  // Someone else takes the third time between the page loading and the press of the button.
  await page.goto(manageUrl);
  await card.getByRole("link", { name: /^Change the time/ }).click();
  await page.locator(`input[value="${third.id}"]`).check();
  const other = await aVolunteer(portalDb, { name: "Dorothy Vaughan", signed: ["interview-study"] });
  await bookInterviewSlot(
    portalDb,
    { type: "PARTICIPANT", volunteerId: other.id },
    { volunteerId: other.id, participationId: other.participations["interview-study"], slotId: third.id },
  );
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(summary.getByRole("link")).toHaveText(["That time has just been taken. Choose another."]);
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#slotId");
  await expect(page.locator(`input[value="${third.id}"]`)).toHaveCount(0);
  await expect(page.locator(`input[value="${first.id}"]`)).toHaveCount(1);
  await checkPage(page);

  // Cancel it.
  await page.goto(manageUrl);
  await card.getByRole("link", { name: /^Cancel the interview/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cancel your interview");
  await checkPage(page);
  await page.getByRole("button", { name: "Cancel the interview" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Interview cancelled" })).toBeVisible();
  await expect(card.getByRole("link", { name: /^Choose a time for your interview/ })).toBeVisible();
  await checkPage(page);
  const cancelled = await calendarIn(
    request,
    await waitForEmail(request, volunteer.email, "Your interview on"),
    "cancellation.ics",
  );
  expect(cancelled).toMatchObject({ method: "CANCEL", uid: booked.uid, sequence: 2, start: second.startsAt });
});

test("without JavaScript the chooser books too, and a link for another purpose is turned away", async ({
  browser,
  request,
  portalDb,
}) => {
  const { study, slots } = await publishSlots(portalDb);
  const volunteer = await aVolunteer(portalDb, { name: "Mary Jackson", signed: ["interview-study"] });
  const manageUrl = linkIn(await waitForEmail(request, volunteer.email, "Your signed consent form"), "manage");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(manageUrl);
  await studyCard(page, study.title)
    .getByRole("link", { name: /^Choose a time for your interview/ })
    .click();
  await expect(page.getByText("your time")).toHaveCount(0);
  await page.locator(`input[value="${slots[0]!.id}"]`).check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview booked");

  const invitation = await portalDb.outgoingEmail.findFirstOrThrow({
    where: { volunteerId: volunteer.id, template: "invitation" },
  });
  const consentToken = /\/consent\/([A-Za-z0-9_-]{43})/.exec(invitation.textBody)![1]!;
  const participationId = volunteer.participations["interview-study"];
  await page.goto(`${new URL(manageUrl).origin}/manage/${consentToken}/interview?for=${participationId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await context.close();
});

/** The newest personal link emailed to the person (every email to them ends with one). */
async function manageLinkOf(db: Database, volunteer: Volunteer): Promise<string> {
  const email = await db.outgoingEmail.findFirstOrThrow({
    where: { volunteerId: volunteer.id, textBody: { contains: "/manage/" } },
    orderBy: { createdAt: "desc" },
  });
  return `/manage/${/\/manage\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1]!}`;
}

async function expectDone(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
}

const CHOOSE = /^(Take this place|Choose this session|Join the waiting list)$/;

test("a consented participant takes a workshop place from their personal link, with a calendar invitation @phone", async ({
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(120_000);
  const session = await aWorkshopSession(portalDb, { title: "Own choice", capacity: 2 });
  const person = await aVolunteer(portalDb, { name: "Ada Lovelace", signed: ["workshops"] });

  await page.goto(await manageLinkOf(portalDb, person));
  await page.getByRole("link", { name: "Choose a workshop session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your workshop place");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  // Nothing chosen: the error summary says so, and nothing is booked.
  await page.getByRole("button", { name: CHOOSE }).click();
  await expect(page.locator("#session-errors").getByRole("link")).toHaveText(["Choose a session"]);
  await expectNoAccessibilityViolations(page);

  const radio = page.getByRole("radio", { name: new RegExp(`${session.title}$`) });
  await expect(radio).toHaveAccessibleDescription(/Imperial College, South Kensington\. 2 places left\./);
  await radio.check();
  await page.getByRole("button", { name: CHOOSE }).click();
  await expectDone(page, "Your place is booked");
  await expect(page.getByRole("heading", { name: "Your place", exact: true })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  const email = await waitForEmail(request, person.email, "Your workshop place is booked");
  const invitation = await calendarIn(request, email, "invitation.ics");
  expect(invitation).toMatchObject({ method: "REQUEST", sequence: 0, summary: `Workshop: ${session.title}` });
  // iCalendar times are to the second; the session was made to the millisecond.
  expect(invitation.start.getTime()).toBe(Math.floor(session.startsAt.getTime() / 1000) * 1000);
  const booking = await portalDb.workshopBooking.findFirstOrThrow({ where: { workshopSessionId: session.id } });
  expect(booking).toMatchObject({ status: "BOOKED", calendarSequence: invitation.sequence });
  expect(invitation.uid).toContain(booking.id);
});

test("a freed place is offered to the first on the waiting list, who accepts it from the email's link @phone", async ({
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(150_000);
  const session = await aWorkshopSession(portalDb, { title: "Offered", capacity: 1 });
  const holder = await aVolunteer(portalDb, { name: "Mary Seacole", signed: ["workshops"] });
  const waiter = await aVolunteer(portalDb, { name: "Edith Cavell", signed: ["workshops"] });
  await assignWorkshopPlace(
    portalDb,
    { type: "PARTICIPANT", volunteerId: holder.id },
    { volunteerId: holder.id, participationId: holder.participations.workshops, sessionId: session.id },
  );

  // The session is full: the second person joins its waiting list from their own page.
  await page.goto(`${await manageLinkOf(portalDb, waiter)}/workshop?p=${waiter.participations.workshops}`);
  const radio = page.getByRole("radio", { name: new RegExp(`${session.title}$`) });
  await expect(radio).toHaveAccessibleDescription(/Full: join the waiting list/);
  await radio.check();
  await page.getByRole("button", { name: CHOOSE }).click();
  await expectDone(page, "You are on the waiting list");
  await expect(page.getByText("You are number 1 on the waiting list")).toBeVisible();

  // The first person gives up their place, after a confirmation.
  await page.goto(`${await manageLinkOf(portalDb, holder)}/workshop?p=${holder.participations.workshops}`);
  await page.getByRole("link", { name: "Give up your place" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Give up your place?");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Give up my place" }).click();
  await expectDone(page, "Cancelled");

  // The place is offered to the one waiting, by email with a link to answer, for 48 hours.
  const offer = await waitForEmail(request, waiter.email, "A workshop place is free for you");
  expect(offer.attachments).toEqual([]);
  const link = new RegExp(`${baseURL}(/manage/[A-Za-z0-9_-]{43}/workshop\\?p=[0-9a-f-]{36})`).exec(offer.text)?.[1];
  expect(link, "the link to answer the offer").toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "A place is offered to you" })).toBeVisible();
  await expect(page.getByText(/^Offered to you until /)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Accept this place" }).click();
  await expectDone(page, "Your place is booked");
  await expectNoAccessibilityViolations(page);

  const bookings = await portalDb.workshopBooking.findMany({ where: { workshopSessionId: session.id } });
  expect(bookings.map((b) => b.status).sort()).toEqual(["BOOKED", "CANCELLED"]);
  const given = bookings.find((b) => b.participationId === holder.participations.workshops)!;
  const taken = bookings.find((b) => b.participationId === waiter.participations.workshops)!;

  // The one who gave it up has the event removed from their calendar: the same UID, a higher SEQUENCE.
  const first = await calendarIn(
    request,
    await waitForEmail(request, holder.email, "Your workshop place is booked"),
    "invitation.ics",
  );
  expect(first).toMatchObject({ method: "REQUEST", sequence: 0 });
  expect(first.uid).toContain(given.id);
  const removed = await calendarIn(
    request,
    await waitForEmail(request, holder.email, "Your workshop place has been cancelled"),
    "cancellation.ics",
  );
  expect(removed).toMatchObject({ method: "CANCEL", uid: first.uid, sequence: given.calendarSequence });
  expect(removed.sequence).toBeGreaterThan(0);

  // The one promoted has an invitation for their own place, at the SEQUENCE their answer reached.
  const promoted = await calendarIn(
    request,
    await waitForEmail(request, waiter.email, "Your workshop place is booked"),
    "invitation.ics",
  );
  expect(promoted).toMatchObject({
    method: "REQUEST",
    sequence: taken.calendarSequence,
    summary: `Workshop: ${session.title}`,
  });
  expect(promoted.uid).toContain(taken.id);
});
