import { randomUUID } from "node:crypto";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import ical from "node-ical";
import type { Database } from "@/lib/db/prisma";
import type { ResearcherRole } from "@/lib/generated/prisma/client";
import { mailCatcherWebPort } from "../playwright.config";
import type { CaughtEmail } from "./registration-journey";
import { signInAs, type TestResearcher } from "./researcher-session";
import { TEAMS_LINK } from "./scheduling-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/**
 * Steps shared by the self-scheduling journeys: the team publishing interview times through the
 * dashboard, and reading the calendar files in the caught emails with an independent iCalendar parser.
 */

const DAY_MS = 86_400_000;
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;
const dateWords = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export type CalendarDay = { day: string; month: string; year: string; label: string; date: Date };

/** Next week's weekdays, Monday first, as calendar dates (at midday UTC, so the UK date is the same). */
export function nextWeek(): CalendarDay[] {
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

/** A signed-in researcher with a name no other test's has, so their rows can be told apart in a shared study. */
export async function anInterviewer(
  page: Page,
  db: Database,
  authSecret: string,
  role: ResearcherRole = "ADMIN",
): Promise<TestResearcher> {
  const researcher = await signInAs(page.context(), db, authSecret, { role });
  const name = `Interviewer ${randomUUID().slice(0, 6)}`;
  await db.researcher.update({ where: { id: researcher.id }, data: { name } });
  return { ...researcher, name };
}

export async function fillDate(page: Page, legend: string, when: { day: string; month: string; year: string }) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(when.day);
  await group.getByLabel("Month").fill(when.month);
  await group.getByLabel("Year").fill(when.year);
}

export function daySection(page: Page, label: string): Locator {
  return page.locator("section", { has: page.getByRole("heading", { level: 2, name: label, exact: true }) });
}

/** A pattern's time at a UK hour on a date, as an instant (BST or GMT, as that date has). */
export function ukInstant(date: Date, hour: number): Date {
  const probe = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour));
  const londonHour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: "Europe/London" }).format(probe),
  );
  return new Date(probe.getTime() - (londonHour - hour) * 3_600_000);
}

async function checkPage(page: Page) {
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
}

/** From the study's page to the form that publishes interview times, as the researcher finds it. */
export async function openPublishForm(page: Page): Promise<void> {
  await page.goto("/admin/studies/interview-study");
  await page.getByRole("link", { name: "Interview times for this study" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interview times");
  await checkPage(page);
  await page.getByRole("link", { name: "Publish interview times" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publish interview times");
  await checkPage(page);
}

/** On the open publishing form: Monday to Friday of `week` at 10:00 and 14:00 UK time, for the interviewer. */
export async function publishWeekOfTimes(page: Page, interviewer: TestResearcher, week: CalendarDay[]): Promise<void> {
  await fillDate(page, "First date", week[0]!);
  await fillDate(page, "Last date", week[4]!);
  const days = page.getByRole("group", { name: "Days of the week" });
  for (const day of WEEKDAYS) await days.getByLabel(day, { exact: true }).check();
  await page.getByLabel("Start times").fill("10:00, 14:00");
  await page.getByLabel("Interviewer (optional)").selectOption(interviewer.id);
  await page.getByLabel("Microsoft Teams link").fill(TEAMS_LINK);
  await expect(page.getByText(/^This publishes 10 times, from 10am on /)).toBeVisible();
  await page.getByRole("button", { name: "Publish the times" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Interview times published" })).toBeVisible();
  await expect(page.getByText(/^You published 10 times, from 10am on .* to 2pm on /)).toBeVisible();
  await checkPage(page);
}

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

/** The email's calendar file, parsed by an independent iCalendar parser: its METHOD and its one event. */
export async function calendarIn(request: APIRequestContext, email: CaughtEmail, filename: string) {
  const parsed = ical.sync.parseICS(await attachment(request, email, filename));
  const calendar = Object.values(parsed).find((c) => c?.type === "VCALENDAR") as { method?: string } | undefined;
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(events).toHaveLength(1);
  const event = events[0]!;
  return {
    method: calendar?.method,
    uid: event.uid,
    sequence: Number(event.sequence),
    start: new Date(event.start),
    summary: event.summary,
  };
}
