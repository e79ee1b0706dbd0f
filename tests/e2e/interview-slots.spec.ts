import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import { test } from "./consent-journey";
import { signInAs, type TestResearcher } from "./researcher-session";
import { TEAMS_LINK, aVolunteer } from "./scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

const DAY_MS = 86_400_000;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;
const dateWords = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** Next week's weekdays, Monday first, as calendar dates (at midday UTC, so the UK date is the same). */
function nextWeek(): { day: string; month: string; year: string; label: string; date: Date }[] {
  const today = new Date();
  today.setUTCHours(12, 0, 0, 0);
  const iso = ((today.getUTCDay() + 6) % 7) + 1;
  const monday = today.getTime() + (8 - iso) * DAY_MS;
  return WEEKDAYS.map((weekday, i) => {
    const date = new Date(monday + i * DAY_MS);
    return {
      day: String(date.getUTCDate()),
      month: String(date.getUTCMonth() + 1),
      year: String(date.getUTCFullYear()),
      label: `${weekday} ${dateWords.format(date)}`,
      date,
    };
  });
}

/** A researcher with a name no other test's has, so their rows can be told apart in a shared study. */
async function anInterviewer(page: Page, db: Database, authSecret: string): Promise<TestResearcher> {
  const researcher = await signInAs(page.context(), db, authSecret, { role: "ADMIN" });
  const name = `Interviewer ${randomUUID().slice(0, 6)}`;
  await db.researcher.update({ where: { id: researcher.id }, data: { name } });
  return { ...researcher, name };
}

async function fillDate(page: Page, legend: string, when: { day: string; month: string; year: string }) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(when.day);
  await group.getByLabel("Month").fill(when.month);
  await group.getByLabel("Year").fill(when.year);
}

function daySection(page: Page, label: string): Locator {
  return page.locator("section", { has: page.getByRole("heading", { level: 2, name: label, exact: true }) });
}

/** A pattern's times at UK 10:00 and 14:00 on a date, as instants (BST or GMT, as that date has). */
function ukInstant(date: Date, hour: number): Date {
  const probe = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour));
  const londonHour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: "Europe/London" }).format(probe),
  );
  return new Date(probe.getTime() - (londonHour - hour) * 3_600_000);
}

test("an admin publishes a week of interview times, sees them by day, withdraws one, and bad or overlapping times change nothing @phone", async ({
  page,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(120_000);
  const me = await anInterviewer(page, portalDb, authSecret);
  const week = nextWeek();
  const mine = () => portalDb.interviewSlot.count({ where: { interviewerId: me.id } });

  await page.goto("/admin/studies/interview-study");
  await page.getByRole("link", { name: "Interview times for this study" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview times");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: "Publish interview times" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publish interview times");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  // Nothing filled in: every problem is listed and linked to its field, and nothing is stored.
  await page.getByRole("button", { name: "Publish the times" }).click();
  const summary = page.locator("#publish-errors");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the first date as a real date, for example 27 3 2027",
    "Enter the last date as a real date, for example 27 3 2027",
    "Enter the start times, or the first and last times of the day",
    "Enter the Microsoft Teams link for the interview",
  ]);
  await expectNoAccessibilityViolations(page);
  expect(await mine()).toBe(0);

  // Monday to Friday next week at 10:00 and 14:00 UK time.
  await fillDate(page, "First date", week[0]!);
  await fillDate(page, "Last date", week[4]!);
  const days = page.getByRole("group", { name: "Days of the week" });
  for (const day of WEEKDAYS) await days.getByLabel(day, { exact: true }).check();
  await page.getByLabel("Start times").fill("10:00, 14:00");
  await page.getByLabel("Interviewer (optional)").selectOption(me.id);
  await page.getByLabel("Microsoft Teams link").fill(TEAMS_LINK);
  await expect(page.getByText(/^This publishes 10 times, from 10am on /)).toBeVisible();
  await page.getByRole("button", { name: "Publish the times" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Interview times published" })).toBeVisible();
  await expect(page.getByText(/^You published 10 times, from 10am on .* to 2pm on /)).toBeVisible();
  expect(await mine()).toBe(10);
  const stored = await portalDb.interviewSlot.findMany({
    where: { interviewerId: me.id },
    orderBy: { startsAt: "asc" },
  });
  expect(stored.map((s) => s.startsAt.toISOString())).toEqual(
    week.flatMap((d) => [ukInstant(d.date, 10), ukInstant(d.date, 14)]).map((d) => d.toISOString()),
  );
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  // Listed by UK day: each day has its two times, open.
  for (const day of week) {
    const rows = daySection(page, day.label).getByRole("row").filter({ hasText: me.name });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("10am");
    await expect(rows.last()).toContainText("2pm");
    await expect(rows.first()).toContainText("Open");
  }

  // Withdraw Monday's 10am, after being asked.
  const monday10 = daySection(page, week[0]!.label).getByRole("row").filter({ hasText: me.name }).first();
  await monday10.getByRole("link", { name: /^Withdraw/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw this interview time?");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Withdraw this time" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Interview time withdrawn" })).toBeVisible();
  await expect(daySection(page, week[0]!.label).getByRole("row").filter({ hasText: me.name }).first()).toContainText(
    "Withdrawn",
  );
  expect((await portalDb.interviewSlot.findUniqueOrThrow({ where: { id: stored[0]!.id } })).withdrawnAt).not.toBeNull();

  // One more time on Tuesday at 14:15 overlaps the 14:00 one: refused beside the times, nothing stored.
  await page.getByRole("link", { name: "Publish interview times" }).click();
  await fillDate(page, "First date", week[1]!);
  await fillDate(page, "Last date", week[1]!);
  await page.getByLabel("Start times").fill("14:15");
  await page.getByLabel("Interviewer (optional)").selectOption(me.id);
  await page.getByLabel("Microsoft Teams link").fill(TEAMS_LINK);
  await expect(page.getByText(/^This publishes 1 time: 2:15pm on /)).toBeVisible();
  await page.getByRole("button", { name: "Publish the times" }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    /^These times overlap the interviewer's other slots: 2:15pm on /,
  ]);
  await expect(page.locator("#times-error")).toContainText("These times overlap");
  await expect(page.getByLabel("Start times")).toHaveValue("14:15");
  await expectNoAccessibilityViolations(page);
  expect(await mine()).toBe(10);
});

test("a researcher books one of the published times for a consented volunteer from their interview page", async ({
  page,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  test.setTimeout(90_000);
  const me = await anInterviewer(page, portalDb, authSecret);
  const wednesday = nextWeek()[2]!;
  const study = await portalDb.study.findUniqueOrThrow({ where: { slug: "interview-study" } });
  const [early, late] = await Promise.all(
    [11, 12].map((hour) =>
      portalDb.interviewSlot.create({
        data: {
          studyId: study.id,
          startsAt: ukInstant(wednesday.date, hour),
          durationMinutes: 30,
          interviewerId: me.id,
          meetingLink: TEAMS_LINK,
          createdById: me.id,
        },
      }),
    ),
  );
  const volunteer = await aVolunteer(portalDb, { name: "Katherine Johnson", signed: ["interview-study"] });
  const participationId = volunteer.participations["interview-study"];

  await page.goto(`/admin/volunteers/${volunteer.id}/interview`);
  await expect(page.getByRole("heading", { level: 3, name: "Book one of the published times" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Or book another time" })).toBeVisible();
  await expect(page.getByRole("group", { name: wednesday.label })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // No time chosen: the error summary says so and nothing is booked.
  await page.getByRole("button", { name: "Book this time and email the invitation" }).click();
  await expect(page.locator("#slot-errors")).toBeFocused();
  await expect(page.locator("#slot-errors").getByRole("link")).toHaveText(["Choose one of the published times"]);
  await expectNoAccessibilityViolations(page);
  expect(await portalDb.interview.count({ where: { participationId } })).toBe(0);

  await page.locator(`input[name="slotId"][value="${late!.id}"]`).check();
  await page.getByRole("button", { name: "Book this time and email the invitation" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Interview booked" })).toBeVisible();
  const interview = await portalDb.interview.findFirstOrThrow({ where: { participationId, status: "SCHEDULED" } });
  expect(interview.startsAt.toISOString()).toBe(late!.startsAt.toISOString());
  expect((await portalDb.interviewSlot.findUniqueOrThrow({ where: { id: late!.id } })).bookedInterviewId).toBe(
    interview.id,
  );
  expect(await portalDb.outgoingEmail.count({ where: { participationId, template: "interview-scheduled" } })).toBe(1);
  expect(
    await portalDb.auditEvent.count({ where: { action: "interview.scheduled", subjectId: participationId } }),
  ).toBe(1);
  await expectNoAccessibilityViolations(page);

  // The team's list shows who booked it, linking to their page; the other time is still open.
  await page.goto("/admin/studies/interview-study/slots");
  const rows = daySection(page, wednesday.label).getByRole("row").filter({ hasText: me.name });
  await expect(rows.first()).toContainText("Open");
  await expect(rows.last()).toContainText("Booked");
  await rows.last().getByRole("link", { name: volunteer.fullName }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/volunteers/${volunteer.id}/interview$`));

  // A booked time cannot be withdrawn; the page says what to do instead.
  await page.goto(`/admin/studies/interview-study/slots/${late!.id}/withdraw`);
  await expect(page.getByText("Someone has booked this time, so it cannot be withdrawn.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw this time" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  expect((await portalDb.interviewSlot.findUniqueOrThrow({ where: { id: early!.id } })).bookedInterviewId).toBeNull();

  // A study of workshops has no interview times, and another study's slot id is not found here.
  for (const path of ["/admin/studies/workshops/slots", `/admin/studies/workshops/slots/${late!.id}/withdraw`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes("status of 404")));
});
