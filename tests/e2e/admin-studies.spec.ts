import { randomBytes } from "node:crypto";
import { RESERVED_CODES } from "@/lib/questions/definition";
import { validAnswers } from "../support/registration-answers";
import { expectNoAccessibilityViolationsWithoutJavaScript, waitForEmail } from "./consent-journey";
import { untilInteractive } from "./registration-journey";
import { aTestStudy, consentedIn, expectErrors, expectSuccess, summaryRow, test } from "./admin-fixtures";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/**
 * Studies administration: settings, eligibility rules, information sheets and consent forms. Each test
 * works on a study of its own (see admin-fixtures.ts).
 */

test("the studies list and a study's page show settings, rules in words and document versions @phone", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto("/admin/studies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Studies");
  await expect(page.getByRole("link", { name: study.title })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: study.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(study.title);
  await expect(summaryRow(page, "Target")).toHaveText("12 to 15 participants");
  await expect(page.getByText("The answer to “Do you work in the NHS now?” is “Yes”")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Versions of the consent form, newest first" }).getByRole("row"),
  ).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Workshop sessions for this study" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
});

test("a workshop study links to its sessions", async ({ page, context, portalDb, authSecret }) => {
  const study = await aTestStudy(portalDb, "WORKSHOP");
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto(`/admin/studies/${study.slug}`);
  await expect(page.getByRole("link", { name: "Workshop sessions for this study" })).toHaveAttribute(
    "href",
    `/admin/studies/${study.slug}/sessions`,
  );
  await expect(summaryRow(page, "Time to accept an offered workshop place")).toHaveText(
    "2 days (48 hours), then it is offered to the next person on the waiting list",
  );
  await expect(summaryRow(page, "People can move or cancel their interview themselves")).toHaveCount(0);
});

test("a workshop study's settings ask for the time to accept an offered place, not the interview cut-off", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb, "WORKSHOP");
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}`);
  await page.getByRole("link", { name: "Change time to accept an offered workshop place" }).click();
  await expect(page.getByLabel("Hours before an interview when people can no longer change it themselves")).toHaveCount(
    0,
  );
  const offer = page.getByLabel("Hours to accept an offered workshop place");
  await offer.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expectErrors(page, ["The hours to accept an offered workshop place must be between 1 and 336 (14 days)"]);
  await offer.fill("72");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expectSuccess(page, "The study's settings have been saved");
  await expect(summaryRow(page, "Time to accept an offered workshop place")).toHaveText(
    "3 days (72 hours), then it is offered to the next person on the waiting list",
  );
  const saved = await portalDb.study.findUniqueOrThrow({ where: { id: study.id } });
  expect([saved.workshopOfferHours, saved.interviewBookingCutoffHours]).toEqual([72, 24]);
});

test("an admin changes the settings, is told what is wrong, and sees them saved", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}`);
  await page.getByRole("link", { name: "Change target" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the study's settings");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Smallest").fill("20");
  await page.getByLabel("Largest").fill("10");
  await page.getByLabel("Contact's email address").fill("not an email");
  await page.getByLabel("Remind people who have not answered their invitation after (days)").fill("0");
  await expect(page.getByLabel("Hours to accept an offered workshop place")).toHaveCount(0);
  const cutoff = page.getByLabel("Hours before an interview when people can no longer change it themselves");
  await cutoff.fill("a day");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expectErrors(page, [
    "The smallest number of participants must not be more than the largest",
    "The number of days before a reminder must be between 1 and 365",
    "Enter the hours before an interview as a whole number, like 24 (0 lets people change it until it starts)",
    "Enter the contact's email address in the correct format, like name@imperial.ac.uk",
  ]);
  await expect(page.getByLabel("Smallest")).toHaveValue("20");
  await expect(page.getByLabel("Smallest")).toHaveAttribute("aria-invalid", "true");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Smallest").fill("10");
  await page.getByLabel("Largest").fill("20");
  await page.getByLabel("Contact's email address").fill("team@imperial.ac.uk");
  await page.getByRole("radio", { name: "Automatically" }).check();
  await page.getByLabel("Time to consider, in hours").fill("48");
  await page.getByLabel("Remind people who have not answered their invitation after (days)").fill("5");
  await page.getByLabel("Keep the records of people who do not take part for (days)").fill("");
  await cutoff.fill("12");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/studies/${study.slug}\\?done=settings$`));
  await expectSuccess(page, "The study's settings have been saved");
  await expect(summaryRow(page, "Target")).toHaveText("10 to 20 participants");
  await expect(summaryRow(page, "Invitations")).toHaveText("Automatically, as soon as they register");
  await expect(summaryRow(page, "Time to consider")).toHaveText("2 days (48 hours)");
  await expect(summaryRow(page, "Remind people who have not answered")).toHaveText(
    "After 5 days, and again 5 days later if there is still no answer (two reminders at most)",
  );
  await expect(summaryRow(page, "Keep records of people who do not take part for")).toHaveText(
    "Not set: kept until someone erases them",
  );
  await expect(summaryRow(page, "People can move or cancel their interview themselves")).toHaveText(
    "Until 12 hours before it starts",
  );
  await expect(summaryRow(page, "Time to accept an offered workshop place")).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  const event = await portalDb.auditEvent.findFirstOrThrow({
    where: { action: "study.settings_changed", subjectId: study.id },
  });
  expect((event.data as { changed: string[] }).changed.sort()).toEqual([
    "considerationPeriodHours",
    "contactEmail",
    "interviewBookingCutoffHours",
    "invitationMode",
    "reminderAfterDays",
    "retentionDays",
    "targetMax",
    "targetMin",
  ]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the rules form adds a condition, shows a question's answers and saves", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const study = await aTestStudy(portalDb);
    await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
    await page.goto(`/admin/studies/${study.slug}/eligibility`);
    const first = page.getByRole("group", { name: "Criterion 1", exact: true });
    await first.getByRole("button", { name: "Add another condition" }).click();
    const second = first.getByRole("group", { name: "Condition 2", exact: true });
    await second.getByLabel("Question").selectOption("otherVolunteering");
    await second.getByRole("button", { name: "Show the answers to choose from" }).click();
    await first
      .getByRole("group", { name: "Condition 2", exact: true })
      .getByRole("group", { name: "Answers that meet it" })
      .locator('input[value="current"]')
      .check();
    await first.getByLabel("Any one of its conditions is met").check();
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    await page.getByRole("button", { name: "Save the rules" }).click();
    await expectSuccess(
      page,
      "The eligibility rules have been saved. They apply to everyone who registers from now on",
    );
    const saved = await portalDb.study.findUniqueOrThrow({ where: { id: study.id } });
    expect(saved.eligibilityRules).toMatchObject({
      criteria: [
        {
          id: "works-in-nhs-now",
          condition: {
            anyOf: [
              { answer: "worksInNhsNow", oneOf: ["yes"] },
              { answer: "otherVolunteering", oneOf: ["current"] },
            ],
          },
        },
        { id: "thet-ihp-participation" },
        { id: "introduced-learning" },
      ],
    });
  });

  test("the settings form still shows its errors and saves", async ({ page, context, portalDb, authSecret }) => {
    const study = await aTestStudy(portalDb);
    await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
    await page.goto(`/admin/studies/${study.slug}/settings`);
    await page.getByLabel("Largest").fill("");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expectErrors(page, ["Enter the largest number of participants as well as the smallest"]);
    await page.getByLabel("Largest").fill("30");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expectSuccess(page, "The study's settings have been saved");
    await expect(summaryRow(page, "Target")).toHaveText("12 to 30 participants");
  });

  test("a consent form is drafted and a statement's error shows, its form opened", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const study = await aTestStudy(portalDb);
    await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
    await page.goto(`/admin/studies/${study.slug}/consent-forms/new`);
    await page.getByLabel("Version", { exact: true }).fill("1.1");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expectSuccess(page, "The draft has been saved. Now write its statements");
    await page.getByText("Change statement 2").click();
    await page.getByLabel("Key").nth(1).fill("Not A Key");
    await page.getByRole("button", { name: "Save statement 2" }).click();
    const error = page
      .getByText(
        "The key can only use lower-case letters, numbers and hyphens, and must start with a letter, like recording",
        { exact: false },
      )
      .first();
    await expect(error).toBeVisible();
    await expect(page.getByLabel("Key").nth(1)).toHaveValue("Not A Key");
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
  });
});

test("an admin edits the eligibility rules in a form: errors name the field, the rules are tested before saving, and saving applies them", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  const before = (await portalDb.study.findUniqueOrThrow({ where: { id: study.id } })).eligibilityRules;
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}/eligibility`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the eligibility rules");
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);

  const criterion = (n: number) => page.getByRole("group", { name: `Criterion ${n}`, exact: true });
  await expect(criterion(1).getByLabel("What the public reads")).toHaveValue("You work for the NHS now");
  await expect(criterion(3)).toBeVisible();

  // Empty words and a condition with no question are refused, each error linking to its field.
  await criterion(1).getByLabel("What the public reads").fill("");
  await page.getByRole("button", { name: "Add another criterion" }).click();
  await expect(criterion(4)).toBeVisible();
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expectErrors(page, [
    "Enter what the public reads for criterion 1",
    "Enter what the public reads for criterion 4",
    "Enter what someone who does not meet criterion 4 is told",
    "Choose the question for condition 1 of criterion 4, or remove the condition",
  ]);
  await expectNoAccessibilityViolations(page);

  await criterion(1).getByLabel("What the public reads").fill("You work in the NHS now");
  const fourth = criterion(4);
  await fourth.getByLabel("What the public reads").fill("You are a nurse or a doctor");
  await fourth.getByLabel("What someone who does not meet it is told").fill("This study is for nurses and doctors.");
  await fourth.getByLabel("Question").selectOption({ label: "Works in the NHS now" });
  await fourth.getByRole("group", { name: "Answers that meet it" }).getByLabel("Yes").check();

  // Test the rules as they stand, unsaved: someone not in the NHS is told why.
  const panel = page.getByRole("region", { name: "Test these rules" });
  await panel.getByRole("group", { name: "Do you work in the NHS now?" }).getByLabel("No", { exact: true }).check();
  await panel.getByRole("button", { name: "Test these rules" }).click();
  await expect(panel.getByRole("heading", { name: "Not eligible" })).toBeVisible();
  await expect(panel).toContainText("This study is for nurses and doctors.");
  await expect(criterion(4).getByLabel("What the public reads")).toHaveValue("You are a nurse or a doctor");
  expect((await portalDb.study.findUniqueOrThrow({ where: { id: study.id } })).eligibilityRules).toEqual(before);

  // Move the new criterion up, remove the third, and save.
  await criterion(4).getByRole("button", { name: "Move criterion up" }).click();
  await expect(criterion(3).getByLabel("What the public reads")).toHaveValue("You are a nurse or a doctor");
  await criterion(4).getByRole("button", { name: "Remove this criterion" }).click();
  await expect(criterion(4)).toHaveCount(0);
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expectSuccess(page, "The eligibility rules have been saved. They apply to everyone who registers from now on");
  await expect(page.getByRole("heading", { name: "You are a nurse or a doctor" })).toBeVisible();
  const saved = await portalDb.study.findUniqueOrThrow({ where: { id: study.id } });
  expect(saved.eligibilityRules).toMatchObject({
    criteria: [
      { id: "you-work-in-the-nhs-now" },
      { id: "thet-ihp-participation" },
      { id: "you-are-a-nurse-or-a-doctor", condition: { answer: "worksInNhsNow", oneOf: ["yes"] } },
    ],
  });
  expect(await portalDb.eligibilityRuleVersion.count({ where: { studyId: study.id } })).toBe(1);
});

test("saving rules while people are registered warns what would change; checking everyone again changes it, once confirmed", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  const email = `rules.${randomBytes(4).toString("hex")}@nhs.net`;
  const answers: Record<string, unknown> = { ...validAnswers, introducedLearning: "no" };
  for (const code of RESERVED_CODES) delete answers[code];
  const volunteer = await portalDb.volunteer.create({
    data: { fullName: "Rula Rules", email, emailNormalised: email, screeningAnswers: answers as object },
  });
  const participation = await portalDb.participation.create({
    data: { volunteerId: volunteer.id, studyId: study.id, status: "ELIGIBLE", eligibility: "ELIGIBLE" },
  });
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}/eligibility`);
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expect(page.getByRole("heading", { name: "Check what changes for people already registered" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "1 person would now be not eligible" })).toBeVisible();
  await expect(page.getByText("Saving does not change anyone's recorded outcome.")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Save the new rules" }).click();
  await expectSuccess(page, "The eligibility rules have been saved. They apply to everyone who registers from now on");
  expect(await portalDb.participation.findUniqueOrThrow({ where: { id: participation.id } })).toMatchObject({
    eligibility: "ELIGIBLE",
    status: "ELIGIBLE",
  });

  await page.getByRole("link", { name: "Check everyone again against the current rules" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check everyone again against the current rules");
  await expect(page.getByText("1 person would now be not eligible")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Change 1 outcome" }).click();
  await expectSuccess(page, "Everyone has been checked again: 1 outcome changed");
  expect(await portalDb.participation.findUniqueOrThrow({ where: { id: participation.id } })).toMatchObject({
    eligibility: "INELIGIBLE",
    status: "INELIGIBLE",
  });
  await expect(page.getByText("There is nothing to change.")).toBeVisible();
});

test("an admin drafts, previews, edits and publishes a new information sheet, which then cannot be changed", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}`);
  await page.getByRole("link", { name: "Draft a new information sheet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft a new information sheet");
  await expect(page.getByLabel("Text")).toHaveValue("## What is the study?\n\nA test study.");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Version", { exact: true }).fill("1.0");
  await page
    .getByLabel("Text")
    .fill("## Why are we doing this?\n\nTo learn.\n\n- One\n- Two\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: /^Preview:/ });
  await expect(preview.getByRole("heading", { name: "Why are we doing this?" })).toBeVisible();
  await expect(preview.getByRole("listitem")).toHaveText(["One", "Two"]);
  await expect(preview).toContainText("<script>alert(1)</script>");
  await expectNoAccessibilityViolations(page);

  await page.getByRole("button", { name: "Save the draft" }).click();
  await expectErrors(page, ["Version 1.0 already exists for this study. Give this version its own label"]);
  await page.getByLabel("Version", { exact: true }).fill("2.0");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expectSuccess(page, "The draft has been saved");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information sheet, version 2.0");
  await expect(summaryRow(page, "Status")).toHaveText("Draft");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Title").fill("Participant information sheet, second edition");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectSuccess(page, "Your changes to the draft have been saved");
  await expect(summaryRow(page, "Title")).toHaveText("Participant information sheet, second edition");

  await page.getByRole("link", { name: "Publish version 2.0" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publish information sheet version 2.0?");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, publish version 2.0" }).click();
  await expectSuccess(page, "The information sheet has been published");
  const sheets = page.getByRole("table", { name: "Versions of the participant information sheet, newest first" });
  await expect(sheets.getByRole("row").nth(1)).toContainText("Version 2.0");
  await expect(sheets.getByRole("row").nth(1)).toContainText("Current");
  await expect(sheets.getByRole("row").nth(2)).toContainText("Replaced");

  await sheets.getByRole("link", { name: "Version 2.0 of the information sheet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information sheet, version 2.0");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByText("A published information sheet cannot be changed")).toBeVisible();
  // The publish page of a published sheet leads back to it; there is nothing to publish twice.
  const sheetUrl = page.url();
  await page.goto(`${sheetUrl}/publish`);
  await expect(page).toHaveURL(sheetUrl);
});

test("an admin drafts a consent form, reorders and changes its statements, publishes it and sees how many were asked to re-consent @phone", async ({
  page,
  context,
  request,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(90_000);
  const study = await aTestStudy(portalDb);
  const signed = await consentedIn(portalDb, study, 2);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}`);
  await page.getByRole("link", { name: "Draft a new consent form" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft a new consent form");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel("Version", { exact: true }).fill("2.0");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectSuccess(page, "The draft has been saved. Now write its statements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consent form, version 2.0");
  const statements = page.locator(".app-statement");
  await expect(statements).toHaveCount(3);
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  // Add a statement: the key must be unique on the form.
  const add = page.getByRole("region", { name: "Add a statement" });
  await add.getByLabel("Statement").fill("I agree to be contacted about future research.");
  await add.getByRole("radio", { name: "No, it is optional" }).check();
  await add.getByLabel("Key").fill("quotes");
  await add.getByRole("button", { name: "Add the statement" }).click();
  await expect(add.getByRole("alert")).toContainText("Another statement on this form already has the key quotes");
  await add.getByLabel("Key").fill("future-contact");
  await add.getByRole("button", { name: "Add the statement" }).click();
  await expectSuccess(page, "The statement has been added");
  await expect(statements).toHaveCount(4);
  await expect(statements.nth(3)).toContainText("I agree to be contacted about future research.");

  await page.getByRole("button", { name: "Move statement 4 up" }).click();
  await expectSuccess(page, "The statement has been moved");
  await expect(statements.nth(2)).toContainText("future research");

  await page.getByRole("link", { name: "Remove statement 2" }).click();
  await expect(page.getByRole("heading", { name: "Remove statement 2?" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, remove statement 2" }).click();
  await expectSuccess(page, "The statement has been removed");
  await expect(statements).toHaveCount(3);
  await expect(page.locator(".app-statement h3")).toHaveText([/^Statement 1/, /^Statement 2/, /^Statement 3/]);

  await page.getByText("Change statement 1").click();
  await page.getByLabel("Statement").first().fill("I confirm I have read the information sheet, version 1.0.");
  await page.getByRole("button", { name: "Save statement 1" }).click();
  await expectSuccess(page, "The statement has been saved");
  await expect(statements.first()).toContainText("I confirm I have read the information sheet, version 1.0.");

  await page.getByRole("link", { name: "Publish version 2.0" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publish consent form version 2.0?");
  await expect(page.getByText("2 people have signed an earlier version and are still taking part")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, publish version 2.0" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/studies/${study.slug}\\?done=consent-form-published&form=`));
  await expectSuccess(page, "Consent form version 2.0 has been published");
  await expect(
    page.getByText("2 people were asked to re-consent: each has been sent a link to the new version."),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const forms = page.getByRole("table", { name: "Versions of the consent form, newest first" });
  await expect(forms.getByRole("row").nth(1)).toContainText("Current");

  // Each of them is emailed a link to the new version.
  await waitForEmail(request, signed[0]!.email, `Please review the updated consent form: ${study.title}`);
  await waitForEmail(request, signed[1]!.email, `Please review the updated consent form: ${study.title}`);

  // A published form offers no changes, and its publish page leads back to it.
  await forms.getByRole("link", { name: "Version 2.0 of the consent form" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consent form, version 2.0");
  await expect(page.getByRole("button", { name: /Move statement/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Add a statement" })).toHaveCount(0);
  const formUrl = page.url();
  await page.goto(`${formUrl}/publish`);
  await expect(page).toHaveURL(formUrl);
});

test("a researcher who is not an admin can read a study but is offered no changes, and is refused the pages that make them", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto(`/admin/studies/${study.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(study.title);
  await expect(page.getByRole("link", { name: /^Change/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Draft a new/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Change the eligibility rules/ })).toHaveCount(0);
  for (const path of [
    "settings",
    "eligibility",
    "eligibility/re-evaluate",
    "information-sheets/new",
    "consent-forms/new",
    `information-sheets/${study.sheetId}/publish`,
    `consent-forms/${study.formId}/publish`,
  ]) {
    const response = await page.request.get(`/admin/studies/${study.slug}/${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
});

test("an admin's form sent by a researcher who is not an admin is refused with 403, and nothing changes", async ({
  page,
  context,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  const study = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/studies/${study.slug}/settings`);
  await untilInteractive(page);
  // The form is open when the session changes to a researcher without the admin role.
  await context.clearCookies();
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.getByLabel("Largest").fill("99");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Save settings" }).click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to do this");
  expect((await portalDb.study.findUniqueOrThrow({ where: { id: study.id } })).targetMax).toBe(15);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 403/.test(e)));
});

test("a study or document that does not exist, or belongs to another study, is a 404", async ({
  page,
  context,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  const study = await aTestStudy(portalDb);
  const other = await aTestStudy(portalDb);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  for (const path of [
    "/admin/studies/no-such-study",
    `/admin/studies/${study.slug}/information-sheets/not-a-uuid`,
    `/admin/studies/${study.slug}/information-sheets/${other.sheetId}`,
    `/admin/studies/${study.slug}/consent-forms/${other.formId}`,
    `/admin/studies/${study.slug}/consent-forms/${crypto.randomUUID()}/publish`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 404/.test(e)));
});
