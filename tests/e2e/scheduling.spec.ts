import { randomUUID } from "node:crypto";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { baseURL, mailCatcherWebPort } from "../playwright.config";
import { test, waitForEmail } from "./consent-journey";
import { signInAs } from "./researcher-session";
import { NEXT_SUMMER, NEXT_WINTER, TEAMS_LINK, aVolunteer, aWorkshopSession, icsProperty } from "./scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";
import type { CaughtEmail } from "./registration-journey";

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

async function fillInterview(
  form: Locator,
  when: { day: string; month: string; year: string },
  time: string,
  duration = "35",
  link = TEAMS_LINK,
) {
  await form.getByLabel("Day").fill(when.day);
  await form.getByLabel("Month").fill(when.month);
  await form.getByLabel("Year").fill(when.year);
  await form.getByLabel("Start time").fill(time);
  await form.getByLabel("Length in minutes").fill(duration);
  await form.getByLabel("Microsoft Teams link").fill(link);
}

async function expectDone(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
}

/** Chromium logs the status of a page answered with 4xx as a console error; here that answer is the point. */
function allowStatusErrors(pageErrors: string[], status: number): void {
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes(`status of ${status}`)));
}

// --- Who may reach the pages -------------------------------------------------------------------------

const somebody = randomUUID();
const pages = [
  `/admin/volunteers/${somebody}/interview`,
  `/admin/volunteers/${somebody}/interview/cancel`,
  `/admin/volunteers/${somebody}/workshop`,
  `/admin/volunteers/${somebody}/workshop/cancel`,
  "/admin/studies/workshops/sessions",
  "/admin/studies/workshops/sessions/new",
  `/admin/studies/workshops/sessions/${somebody}`,
  `/admin/studies/workshops/sessions/${somebody}/edit`,
  `/admin/studies/workshops/sessions/${somebody}/cancel`,
];

test("every scheduling page sends a visitor without a session to sign in", async ({ request }) => {
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/\/sign-in$/);
  }
});

test("a researcher who has not entered their second factor is sent to do so", async ({
  page,
  portalDb,
  authSecret,
}) => {
  await signInAs(page.context(), portalDb, authSecret, { secondFactorDone: false });
  await page.goto("/admin/studies/workshops/sessions");
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
});

test("managing sessions is for admins: a researcher sees the sessions, and gets 403 on the pages that change them", async ({
  page,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(page.context(), portalDb, authSecret, { role: "RESEARCHER" });
  const session = await aWorkshopSession(portalDb, { capacity: 4 });
  await page.goto("/admin/studies/workshops/sessions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Workshop sessions");
  await expect(page.getByRole("link", { name: session.title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a session" })).toHaveCount(0);
  await page.goto(`/admin/studies/workshops/sessions/${session.id}`);
  await expect(page.getByRole("link", { name: "Change this session" })).toHaveCount(0);
  for (const path of [
    "/admin/studies/workshops/sessions/new",
    `/admin/studies/workshops/sessions/${session.id}/edit`,
    `/admin/studies/workshops/sessions/${session.id}/cancel`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to do this");
  }
  allowStatusErrors(pageErrors, 403);
});

test("an admin's form posted after the role is gone is refused with 403 and changes nothing", async ({
  page,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(page.context(), portalDb, authSecret, { role: "ADMIN" });
  await page.goto("/admin/studies/workshops/sessions/new");
  const title = `Refused ${randomUUID().slice(0, 6)}`;
  await fillSession(page, {
    title,
    ...NEXT_SUMMER,
    startTime: "10:00",
    endTime: "12:00",
    mode: "In person",
    location: "Leeds",
    capacity: "5",
  });
  await page.context().clearCookies();
  await signInAs(page.context(), portalDb, authSecret, { role: "RESEARCHER" });
  await page.getByRole("button", { name: "Add the session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to do this");
  expect(await portalDb.workshopSession.count({ where: { title } })).toBe(0);
  allowStatusErrors(pageErrors, 403);
});

test("a booking form posted after the session ended goes to sign in and books nothing", async ({
  page,
  portalDb,
  authSecret,
}) => {
  await signInAs(page.context(), portalDb, authSecret);
  const volunteer = await aVolunteer(portalDb, { signed: ["interview-study"] });
  await page.goto(`/admin/volunteers/${volunteer.id}/interview`);
  await fillInterview(page.locator("#book"), NEXT_SUMMER, "14:30");
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Book and email the invitation" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(
    await portalDb.interview.count({ where: { participationId: volunteer.participations["interview-study"] } }),
  ).toBe(0);
});

test("an unknown volunteer or session, or an id that is not one, is a 404", async ({
  page,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(page.context(), portalDb, authSecret, { role: "ADMIN" });
  for (const path of [
    `/admin/volunteers/${somebody}/interview`,
    "/admin/volunteers/not-an-id/workshop",
    `/admin/studies/workshops/sessions/${somebody}`,
    "/admin/studies/interview-study/sessions",
    "/admin/studies/no-such-study/sessions/new",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  allowStatusErrors(pageErrors, 404);
});

// --- Interviews ----------------------------------------------------------------------------------------

test("an interview is booked, moved and cancelled, and each email carries its calendar file @phone", async ({
  page,
  request,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(120_000);
  await signInAs(page.context(), portalDb, authSecret);
  const volunteer = await aVolunteer(portalDb, { name: "Grace Hopper", signed: ["interview-study"] });
  const path = `/admin/volunteers/${volunteer.id}/interview`;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  // Nothing typed: every problem is listed, linked to its field.
  await page.locator("#book").getByLabel("Length in minutes").fill("");
  await page.getByRole("button", { name: "Book and email the invitation" }).click();
  const summary = page.locator("#book-errors");
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the date of the interview",
    "Enter the start time",
    "Enter a length between 30 and 35 minutes",
    "Enter the Microsoft Teams link for the interview",
  ]);
  await expect(summary).toBeFocused();
  await expectNoAccessibilityViolations(page);

  await fillInterview(page.locator("#book"), NEXT_SUMMER, "14:30");
  await page.getByRole("button", { name: "Book and email the invitation" }).click();
  await expectDone(page, "Interview booked");
  await expect(page.getByText(`2:30pm on 1 July ${NEXT_SUMMER.year} (BST)`).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  const invitation = await waitForEmail(request, volunteer.email, "Your interview is booked");
  expect(invitation.subject).toBe(`Your interview is booked for 2:30pm on 1 July ${NEXT_SUMMER.year}`);
  expect(invitation.text).toContain(`When: 2:30pm to 3:05pm on 1 July ${NEXT_SUMMER.year} (UK time)`);
  expect(invitation.text).toContain("How long: 35 minutes");
  expect(invitation.text).toContain(`Join the interview on Microsoft Teams: ${TEAMS_LINK}`);
  expect(invitation.text).toContain("If you need to rearrange");
  expect(invitation.text).toMatch(new RegExp(`Manage your participation: ${baseURL}/manage/[A-Za-z0-9_-]{43}`));
  expect(invitation.attachments).toEqual([
    expect.objectContaining({ filename: "invitation.ics", contentType: expect.stringMatching(/^text\/calendar/) }),
  ]);
  const booked = await attachment(request, invitation, "invitation.ics");
  const uid = icsProperty(booked, "UID");
  expect(uid).toMatch(/^interview-[0-9a-f-]{36}@localhost$/);
  expect([
    icsProperty(booked, "METHOD"),
    icsProperty(booked, "SEQUENCE"),
    icsProperty(booked, "DTSTART"),
    icsProperty(booked, "DTEND"),
  ]).toEqual(["REQUEST", "0", `${NEXT_SUMMER.year}0701T133000Z`, `${NEXT_SUMMER.year}0701T140500Z`]);

  // Moved into winter: the same event, one step on, at 10:15 GMT.
  const change = page.locator("#change");
  await fillInterview(change, NEXT_WINTER, "10:15", "30");
  await page.getByRole("button", { name: "Save and email the new time" }).click();
  await expectDone(page, "Interview moved");
  const moved = await waitForEmail(request, volunteer.email, "Your interview has moved");
  expect(moved.text).toContain(`It was at 2:30pm on 1 July ${NEXT_SUMMER.year}.`);
  const update = await attachment(request, moved, "invitation.ics");
  expect([
    icsProperty(update, "METHOD"),
    icsProperty(update, "UID"),
    icsProperty(update, "SEQUENCE"),
    icsProperty(update, "DTSTART"),
  ]).toEqual(["REQUEST", uid, "1", `${NEXT_WINTER.year}0114T101500Z`]);

  // Cancelling asks first.
  await page.getByRole("link", { name: "Cancel this interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cancel the interview?");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Cancel the interview" }).click();
  await expectDone(page, "Interview cancelled");
  await expect(page.getByRole("heading", { name: "Book an interview" })).toBeVisible();
  const cancelled = await waitForEmail(request, volunteer.email, "Your interview on");
  const cancellation = await attachment(request, cancelled, "cancellation.ics");
  expect([
    icsProperty(cancellation, "METHOD"),
    icsProperty(cancellation, "UID"),
    icsProperty(cancellation, "SEQUENCE"),
    icsProperty(cancellation, "STATUS"),
  ]).toEqual(["CANCEL", uid, "2", "CANCELLED"]);
});

test("without a signed consent form there is nothing to book, and another person's id in the form reaches nothing", async ({
  page,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(page.context(), portalDb, authSecret);
  const unsigned = await aVolunteer(portalDb, { invited: ["interview-study", "workshops"] });
  await page.goto(`/admin/volunteers/${unsigned.id}/interview`);
  await expect(page.getByText("Scheduling needs a signed consent first")).toBeVisible();
  await expect(page.locator("#book")).toHaveCount(0);
  await page.goto(`/admin/volunteers/${unsigned.id}/workshop`);
  await expect(page.getByText("Scheduling needs a signed consent first")).toBeVisible();
  await expect(page.locator("#place")).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // The signed person's form, with the unsigned person's participation put in its hidden field.
  const signed = await aVolunteer(portalDb, { signed: ["interview-study"] });
  await page.goto(`/admin/volunteers/${signed.id}/interview`);
  await fillInterview(page.locator("#book"), NEXT_SUMMER, "09:00");
  await page
    .locator('#book input[name="participationId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), unsigned.participations["interview-study"]);
  await page.getByRole("button", { name: "Book and email the invitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(
    await portalDb.interview.count({
      where: {
        participationId: { in: [unsigned.participations["interview-study"], signed.participations["interview-study"]] },
      },
    }),
  ).toBe(0);
  allowStatusErrors(pageErrors, 404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an interview is booked with plain form posts, and a mistake is pointed out", async ({
    page,
    portalDb,
    authSecret,
  }) => {
    await signInAs(page.context(), portalDb, authSecret);
    const volunteer = await aVolunteer(portalDb, { signed: ["interview-study"] });
    await page.goto(`/admin/volunteers/${volunteer.id}/interview`);
    await fillInterview(page.locator("#book"), NEXT_SUMMER, "14:30", "35", "https://zoom.us/j/123");
    await page.getByRole("button", { name: "Book and email the invitation" }).click();
    await expect(page.locator("#book-errors").getByRole("link")).toHaveText([/^Enter a Microsoft Teams meeting link/]);
    await expect(page.locator("#book").getByLabel("Start time")).toHaveValue("14:30");
    await page.locator("#book").getByLabel("Microsoft Teams link").fill(TEAMS_LINK);
    await page.getByRole("button", { name: "Book and email the invitation" }).click();
    await expectDone(page, "Interview booked");
    expect(
      await portalDb.interview.count({
        where: { participationId: volunteer.participations["interview-study"], status: "SCHEDULED" },
      }),
    ).toBe(1);
  });
});

// --- Workshop places and the waiting list --------------------------------------------------------------

async function givePlace(
  page: Page,
  volunteerId: string,
  sessionTitle: string,
  button = "Give them a place",
): Promise<void> {
  await page.goto(`/admin/volunteers/${volunteerId}/workshop`);
  await page
    .getByRole("group", { name: "Choose a session" })
    .getByRole("radio", { name: new RegExp(`^${sessionTitle}:`) })
    .check();
  await page.getByRole("button", { name: button }).click();
}

test("places are booked until the session is full, then the waiting list; a cancellation offers the place to the first waiting @phone", async ({
  page,
  request,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(120_000);
  await signInAs(page.context(), portalDb, authSecret);
  const session = await aWorkshopSession(portalDb, { title: "Leeds", capacity: 1 });
  const first = await aVolunteer(portalDb, { name: "Ada Lovelace", signed: ["workshops"] });
  const second = await aVolunteer(portalDb, { name: "Mary Seacole", signed: ["workshops"] });
  const third = await aVolunteer(portalDb, { name: "Edith Cavell", signed: ["workshops"] });

  await page.goto(`/admin/volunteers/${first.id}/workshop`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Workshop place");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Give them a place" }).click();
  await expect(page.locator("#place-errors").getByRole("link")).toHaveText(["Choose a session"]);

  await givePlace(page, first.id, session.title);
  await expectDone(page, "Place booked");
  await expectNoAccessibilityViolations(page);
  const booked = await waitForEmail(request, first.email, "Your workshop place is booked");
  expect(icsProperty(await attachment(request, booked, "invitation.ics"), "METHOD")).toBe("REQUEST");

  await givePlace(page, second.id, session.title);
  await expectDone(page, "Added to the waiting list");
  await expect(page.getByText("On the waiting list, number 1")).toBeVisible();
  await givePlace(page, third.id, session.title);
  await expect(page.getByText("On the waiting list, number 2")).toBeVisible();
  const waiting = await waitForEmail(request, second.email, "You are on the waiting list");
  expect(waiting.attachments).toEqual([]);

  await page.goto(`/admin/studies/workshops/sessions/${session.id}`);
  await expect(page.getByRole("table", { name: /^Waiting list/ }).getByRole("link")).toHaveText([
    second.fullName,
    third.fullName,
  ]);
  await expectNoAccessibilityViolations(page);

  // The first person's place is cancelled (after a confirmation): the second is offered it at once.
  await page.goto(`/admin/volunteers/${first.id}/workshop`);
  await page.getByRole("link", { name: "Cancel this place" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cancel the workshop place?");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Cancel the place" }).click();
  await expectDone(page, "Place cancelled");
  const cancelled = await waitForEmail(request, first.email, "Your workshop place has been cancelled");
  expect(icsProperty(await attachment(request, cancelled, "cancellation.ics"), "METHOD")).toBe("CANCEL");

  // The place is offered, held for them for a set time: they answer from their personal link (the
  // calendar invitation comes when they accept; tests/e2e/self-scheduling.spec.ts follows that).
  const offer = await waitForEmail(request, second.email, "A workshop place is free for you");
  expect(offer.text).toMatch(new RegExp(`${baseURL}/manage/[A-Za-z0-9_-]{43}/workshop\\?p=`));
  expect(offer.attachments).toEqual([]);

  await page.goto(`/admin/volunteers/${second.id}/workshop`);
  await expect(page.getByRole("heading", { name: "The place offered to them", exact: true })).toBeVisible();
  await expect(page.getByText(/^Offered a place: waiting for their answer, until /)).toBeVisible();
  await page.goto(`/admin/volunteers/${third.id}/workshop`);
  await expect(page.getByText("On the waiting list, number 1")).toBeVisible();
});

// --- Managing sessions -----------------------------------------------------------------------------------

async function fillSession(
  page: Page,
  s: {
    title: string;
    day: string;
    month: string;
    year: string;
    startTime: string;
    endTime: string;
    mode: "In person" | "Online";
    location?: string;
    link?: string;
    capacity: string;
  },
): Promise<void> {
  await page.getByLabel("Title").fill(s.title);
  await page.getByLabel("Day").fill(s.day);
  await page.getByLabel("Month").fill(s.month);
  await page.getByLabel("Year").fill(s.year);
  await page.getByLabel("Start time").fill(s.startTime);
  await page.getByLabel("End time").fill(s.endTime);
  await page
    .getByRole("group", { name: "How will people take part?" })
    .getByRole("radio", { name: s.mode, exact: true })
    .check();
  await page.getByLabel("Place (for a session in person)").fill(s.location ?? "");
  await page.getByLabel("Online link (for an online session)").fill(s.link ?? "");
  await page.getByLabel("Places").fill(s.capacity);
}

test("an admin adds, changes and cancels a session, with times in UK time @phone", async ({
  page,
  request,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(120_000);
  await signInAs(page.context(), portalDb, authSecret, { role: "ADMIN" });
  await page.goto("/admin/studies/workshops/sessions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Workshop sessions");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: "Add a session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a session");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Add the session" }).click();
  await expect(page.locator("#session-form-errors").getByRole("link")).toHaveText([
    "Enter a title for the session",
    "Enter the date of the session",
    "Enter the start time",
    "Enter the end time",
    "Choose whether the session is online or in person",
    "Enter how many people can come",
  ]);
  await expectNoAccessibilityViolations(page);

  const title = `Online ${randomUUID().slice(0, 6)}`;
  await fillSession(page, {
    title,
    ...NEXT_SUMMER,
    startTime: "10:00",
    endTime: "12:30",
    mode: "Online",
    link: "https://teams.microsoft.com/l/meetup-join/workshop",
    capacity: "1",
  });
  await page.getByRole("button", { name: "Add the session" }).click();
  await expectDone(page, "Session added");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText(`10am to 12:30pm on 1 July ${NEXT_SUMMER.year} (BST)`);
  const stored = await portalDb.workshopSession.findFirstOrThrow({ where: { title } });
  expect(stored.startsAt.toISOString()).toBe(`${NEXT_SUMMER.year}-07-01T09:00:00.000Z`);

  // Someone has the place: the capacity cannot go below it, and a new time reaches them with an update.
  const person = await aVolunteer(portalDb, { signed: ["workshops"] });
  await givePlace(page, person.id, title);
  await expectDone(page, "Place booked");
  await page.goto(`/admin/studies/workshops/sessions/${stored.id}`);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Change this session" }).click();
  await expect(page.getByLabel("Start time")).toHaveValue("10:00");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Places").fill("0");
  await page.getByRole("button", { name: "Save the session" }).click();
  await expect(page.locator("#session-form-errors").getByRole("link")).toHaveText(["The capacity must be at least 1"]);
  await page.getByLabel("Day").fill(NEXT_WINTER.day);
  await page.getByLabel("Month").fill(NEXT_WINTER.month);
  await page.getByLabel("Year").fill(NEXT_WINTER.year);
  await page.getByLabel("Places").fill("3");
  await page.getByRole("button", { name: "Save the session" }).click();
  await expectDone(page, "Session saved");
  await expect(page.getByText(`10am to 12:30pm on 14 January ${NEXT_WINTER.year} (GMT)`)).toBeVisible();
  const changed = await waitForEmail(request, person.email, "Your workshop on");
  const update = await attachment(request, changed, "invitation.ics");
  expect([icsProperty(update, "SEQUENCE"), icsProperty(update, "DTSTART")]).toEqual([
    "1",
    `${NEXT_WINTER.year}0114T100000Z`,
  ]);

  await page.getByRole("link", { name: "Cancel this session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Cancel ${title}?`);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Cancel the session" }).click();
  await expectDone(page, "Session cancelled");
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) })).toContainText(
    "Cancelled",
  );
  const notice = await waitForEmail(request, person.email, "The workshop on");
  expect(icsProperty(await attachment(request, notice, "cancellation.ics"), "METHOD")).toBe("CANCEL");
});
