import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import ICAL from "ical.js";
import { bookInterviewSlot } from "@/lib/interviews/book-interview-slot";
import { publishInterviewSlots } from "@/lib/interviews/interview-slots";
import { formatUkDay, slotTimeLabel } from "@/lib/interviews/slot-days";
import type { Database } from "@/lib/db/prisma";
import { londonTimeToInstant, londonWallClock } from "@/lib/text/london-time";
import { mailCatcherWebPort } from "../playwright.config";
import { linkIn, studyCard, test, waitForEmail } from "./consent-journey";
import type { CaughtEmail } from "./registration-journey";
import { TEAMS_LINK, aVolunteer } from "./scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/**
 * The participant books, moves and cancels their own interview from the personal link in their email.
 * Slots are published through the data layer (the team's publishing page has its own tests), each test
 * with its own interviewer so that no other test's slots overlap them.
 */

// Madrid is an hour ahead of the UK all year, so the page adds the person's own time beside each UK time.
test.use({ timezoneId: "Europe/Madrid" });

const catcher = `http://127.0.0.1:${mailCatcherWebPort}`;

async function calendarFile(request: APIRequestContext, email: CaughtEmail, filename: string) {
  expect(email.attachments.map((a) => a.filename)).toContain(filename);
  const page = await (await request.get(`${catcher}/messages/${email.id}`)).text();
  const href = new RegExp(`href="(/messages/[^"]+/attachments/\\d+)">${filename.replace(".", "\\.")}</a>`).exec(
    page,
  )?.[1];
  expect(href, `a link to ${filename} on the email's page`).toBeTruthy();
  const text = await (await request.get(`${catcher}${href}`)).text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

/** Three 30-minute slots at 10am, 11am and 2pm UK time, on a day some months ahead. */
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

test("a participant books, moves and cancels their own interview from their email's link @phone", async ({
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(120_000);
  const { study, day, slots } = await publishSlots(portalDb);
  const [first, second, third] = slots as [(typeof slots)[0], (typeof slots)[0], (typeof slots)[0]];
  const volunteer = await aVolunteer(portalDb, { name: "Katherine Johnson", signed: ["interview-study"] });
  const signed = await waitForEmail(request, volunteer.email, "Your signed consent form");
  const manageUrl = linkIn(signed, "manage");

  await page.goto(manageUrl);
  const card = studyCard(page, study.title);
  await checkPage(page);
  await card.getByRole("link", { name: /^Choose a time for your interview/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a time for your interview");
  const group = page.getByRole("group", { name: day });
  await expect(
    group.getByLabel(`${slotTimeLabel({ ...first, durationMinutes: 30 })} (11am your time, Europe/Madrid)`),
  ).toBeVisible();
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
  const booked = await calendarFile(
    request,
    await waitForEmail(request, volunteer.email, "Your interview is booked"),
    "invitation.ics",
  );
  expect(booked).toMatchObject({ method: "REQUEST", sequence: 0, start: first.startsAt });

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
  const moved = await calendarFile(
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
  const cancelled = await calendarFile(
    request,
    await waitForEmail(request, volunteer.email, "Your interview on"),
    "cancellation.ics",
  );
  expect(cancelled).toMatchObject({ method: "CANCEL", uid: booked.uid });
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
