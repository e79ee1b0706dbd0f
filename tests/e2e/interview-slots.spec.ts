import { test } from "./consent-journey";
import { TEAMS_LINK, aVolunteer } from "./scheduling-journey";
import {
  anInterviewer,
  daySection,
  fillDate,
  nextWeek,
  openPublishForm,
  publishWeekOfTimes,
  ukInstant,
} from "./self-scheduling-journey";
import { expect, expectNoAccessibilityViolations } from "./support";

test("an admin publishes a week of interview times, sees them by day, withdraws one, and bad or overlapping times change nothing @phone", async ({
  page,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(120_000);
  const me = await anInterviewer(page, portalDb, authSecret);
  const week = nextWeek();
  const mine = () => portalDb.interviewSlot.count({ where: { interviewerId: me.id } });

  await openPublishForm(page);

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
  await publishWeekOfTimes(page, me, week);
  expect(await mine()).toBe(10);
  const stored = await portalDb.interviewSlot.findMany({
    where: { interviewerId: me.id },
    orderBy: { startsAt: "asc" },
  });
  expect(stored.map((s) => s.startsAt.toISOString())).toEqual(
    week.flatMap((d) => [ukInstant(d.date, 10), ukInstant(d.date, 14)]).map((d) => d.toISOString()),
  );

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
