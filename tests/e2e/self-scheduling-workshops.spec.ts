import type { APIRequestContext, Page } from "@playwright/test";
import ical from "node-ical";
import type { Database } from "@/lib/db/prisma";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { baseURL, mailCatcherWebPort } from "../playwright.config";
import { test, waitForEmail } from "./consent-journey";
import type { CaughtEmail } from "./registration-journey";
import { aVolunteer, aWorkshopSession, type Volunteer } from "./scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

const catcher = `http://127.0.0.1:${mailCatcherWebPort}`;

/** Follows the link to an attachment on the mail catcher's page for the email, as a person would. */
async function attachment(request: APIRequestContext, email: CaughtEmail, filename: string): Promise<string> {
  expect(email.attachments.map((a) => a.filename)).toContain(filename);
  const page = await (await request.get(`${catcher}/messages/${email.id}`)).text();
  const href = new RegExp(`href="(/messages/[^"]+/attachments/\\d+)">${filename.replace(".", "\\.")}</a>`).exec(
    page,
  )?.[1];
  expect(href, `a link to ${filename} on the email's page`).toBeTruthy();
  const response = await request.get(`${catcher}${href}`);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
  return response.text();
}

/** The calendar file parsed by an independent iCalendar parser: its METHOD and its one event. */
function parsedCalendar(ics: string) {
  const parsed = ical.sync.parseICS(ics);
  const calendar = Object.values(parsed).find((c) => c?.type === "VCALENDAR") as { method?: string } | undefined;
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(events).toHaveLength(1);
  return { method: calendar?.method, event: events[0]! };
}

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
  const { method, event } = parsedCalendar(await attachment(request, email, "invitation.ics"));
  expect(method).toBe("REQUEST");
  expect(event.summary).toBe(`Workshop: ${session.title}`);
  // iCalendar times are to the second; the session was made to the millisecond.
  expect(new Date(event.start).getTime()).toBe(Math.floor(session.startsAt.getTime() / 1000) * 1000);
  expect(await portalDb.workshopBooking.findFirst({ where: { workshopSessionId: session.id } })).toMatchObject({
    status: "BOOKED",
  });
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

  const booked = await waitForEmail(request, waiter.email, "Your workshop place is booked");
  const { method, event } = parsedCalendar(await attachment(request, booked, "invitation.ics"));
  expect(method).toBe("REQUEST");
  expect(event.summary).toBe(`Workshop: ${session.title}`);
  const bookings = await portalDb.workshopBooking.findMany({ where: { workshopSessionId: session.id } });
  expect(bookings.map((b) => b.status).sort()).toEqual(["BOOKED", "CANCELLED"]);
});
