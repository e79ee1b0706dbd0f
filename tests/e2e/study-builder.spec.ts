import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectSuccess, test } from "./admin-fixtures";
import { expectSigned, invite, linkIn, waitForEmail } from "./consent-journey";
import {
  aPerson,
  choose,
  continueToNextStep,
  fillAboutYou,
  fillInternationalExperience,
  fillTakingPart,
  fillYourWork,
  INTERVIEW_STUDY,
  outcomeFor,
  question,
  sendRegistration,
  startRegistration,
  untilInteractive,
} from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations } from "./support";

/**
 * The next call without a developer (issue 11): an admin builds a third study in the dashboard (its own
 * five questions of different kinds, rules over two of them, an information sheet and a consent form),
 * opens it, and a member of the public registers for it and for the interview study in one journey, is
 * told both outcomes, is invited and signs. Opening a study with questions of its own changes the public
 * journey for everyone (the study choice comes first), so this spec runs in its own project, after the
 * others (tests/playwright.config.ts), and closes the study at the end.
 */

const tag = randomBytes(4).toString("hex");
const title = `Pharmacists abroad ${tag}`;
const slug = `pharmacists-${tag}`;

async function addQuestion(
  page: Page,
  pageTitle: string,
  q: { kind: string; label: string; shortName: string; options?: string; smallest?: string; largest?: string },
): Promise<void> {
  await page.getByRole("link", { name: `Add a question to ${pageTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a question");
  await untilInteractive(page);
  await page.getByRole("group", { name: "Type of question" }).getByLabel(q.kind, { exact: true }).check();
  await page.getByLabel("Question", { exact: true }).fill(q.label);
  await page.getByLabel("Short name").fill(q.shortName);
  if (q.options) await page.getByLabel("Options").fill(q.options);
  if (q.smallest) await page.getByLabel("Smallest answer (optional)").fill(q.smallest);
  if (q.largest) await page.getByLabel("Largest answer (optional)").fill(q.largest);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Add the question" }).click();
  await expectSuccess(page, "The draft has been saved");
}

test("an admin builds and opens a third study; a member of the public registers for it and the interview study, is told both outcomes, is invited and signs", async ({
  page,
  context,
  browser,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(480_000);
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });

  // --- The study ----------------------------------------------------------------------------------------
  await page.goto("/admin/studies");
  await page.getByRole("link", { name: "Create a study" }).click();
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Short title").fill(`Pharmacists ${tag}`);
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Summary").fill("Interviews with NHS pharmacists who worked abroad.");
  await page.getByLabel("What taking part involves").fill("One online interview of about 45 minutes.");
  await page.getByRole("group", { name: "Format" }).getByLabel("Interviews, one at a time").check();
  await page.getByRole("group", { name: "How are eligible people invited?" }).getByLabel("Automatically").check();
  await page.getByLabel("Contact's name").fill("Dr Jo Bloggs");
  await page.getByLabel("Contact's email address").fill("jo.bloggs@imperial.ac.uk");
  await page.getByRole("group", { name: "Questions" }).getByLabel("Its own questions").check();
  await page.getByRole("button", { name: "Create the study" }).click();
  await expectSuccess(page, /The study has been created as a draft/);
  await expectNoAccessibilityViolations(page);

  // --- Five questions of different kinds ---------------------------------------------------------------
  await page.getByRole("link", { name: /Screening questions/ }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Add a page" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Page title").fill("Your pharmacy work");
  await page.getByLabel("Page address").fill(`pharmacy-${tag}`);
  await page.getByRole("button", { name: "Add the page" }).click();
  await expectSuccess(page, "The draft has been saved");
  const onPage = "Your pharmacy work";
  await addQuestion(page, onPage, {
    kind: "Yes or no",
    label: "Are you a registered pharmacist?",
    shortName: "Registered pharmacist",
  });
  await addQuestion(page, onPage, {
    kind: "One choice from a list",
    label: "Where do you mostly work?",
    shortName: "Setting",
    options: "Hospital\nCommunity pharmacy\nGeneral practice",
  });
  await addQuestion(page, onPage, {
    kind: "Several choices from a list",
    label: "Which languages do you use at work?",
    shortName: "Languages",
    options: "English\nFrench\nPortuguese",
  });
  await addQuestion(page, onPage, {
    kind: "Number",
    label: "How many years have you been qualified?",
    shortName: "Years qualified",
    smallest: "0",
    largest: "60",
  });
  await addQuestion(page, onPage, {
    kind: "Date",
    label: "When did your last placement abroad end?",
    shortName: "Placement ended",
  });
  await page.getByRole("link", { name: "Publish version 1" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expectSuccess(page, "Version 1 of the questions has been published");

  // --- Rules over two of them, tested before saving ------------------------------------------------------
  await page.goto(`/admin/studies/${slug}/eligibility`);
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  const criterion = (n: number) => page.getByRole("group", { name: `Criterion ${n}`, exact: true });
  // A new study has no criteria yet.
  await expect(page.getByText("There are no criteria yet")).toBeVisible();
  await page.getByRole("button", { name: "Add another criterion" }).click();
  await criterion(1).getByLabel("What the public reads").fill("You are a registered pharmacist");
  await criterion(1)
    .getByLabel("What someone who does not meet it is told")
    .fill("This study is for registered pharmacists.");
  await criterion(1).getByLabel("Question").selectOption({ label: "Registered pharmacist" });
  await criterion(1).getByRole("group", { name: "Answers that meet it" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Add another criterion" }).click();
  await criterion(2).getByLabel("What the public reads").fill("You have been qualified for at least two years");
  await criterion(2)
    .getByLabel("What someone who does not meet it is told")
    .fill("This study is for pharmacists qualified for two years or more.");
  await criterion(2).getByLabel("Question").selectOption({ label: "Years qualified" });
  await criterion(2).getByLabel("Lowest answer that meets it").fill("2");

  const panel = page.getByRole("region", { name: "Test these rules" });
  await panel
    .getByRole("group", { name: "Are you a registered pharmacist?" })
    .getByLabel("Yes", { exact: true })
    .check();
  await panel.getByLabel("How many years have you been qualified?").fill("1");
  await panel.getByRole("button", { name: "Test these rules" }).click();
  await expect(panel.getByRole("heading", { name: "Not eligible" })).toBeVisible();
  await expect(panel).toContainText("This study is for pharmacists qualified for two years or more.");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expect(page.getByRole("heading", { name: "You have been qualified for at least two years" })).toBeVisible();

  // --- The information sheet and the consent form --------------------------------------------------------
  await page.goto(`/admin/studies/${slug}`);
  await page.getByRole("link", { name: "Draft a new information sheet" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Title", { exact: true }).fill("Participant information sheet");
  await page.getByLabel("Version", { exact: true }).fill("1.0");
  await page.getByLabel("Text").fill("## What is the study?\n\nWe are interviewing pharmacists who worked abroad.");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await page.getByRole("link", { name: "Publish version 1.0" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, publish version 1.0" }).click();
  await expectSuccess(page, "The information sheet has been published");

  await page.getByRole("link", { name: "Draft a new consent form" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Consent form");
  await page.getByLabel("Version", { exact: true }).fill("1.0");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectSuccess(page, "The draft has been saved. Now write its statements");
  const add = page.getByRole("region", { name: "Add a statement" });
  await add.getByLabel("Statement").fill("I confirm that I have read the information sheet, version 1.0.");
  await add.getByRole("radio", { name: "Yes, it is required" }).check();
  await add.getByLabel("Key").fill("read-sheet");
  await add.getByRole("button", { name: "Add the statement" }).click();
  await expectSuccess(page, "The statement has been added");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Publish version 1.0" }).click();
  await page.getByRole("button", { name: "Yes, publish version 1.0" }).click();
  await expectSuccess(page, "Consent form version 1.0 has been published");

  // --- Open it ----------------------------------------------------------------------------------------------
  await page.getByRole("link", { name: "Open for recruitment" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Open for recruitment" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/studies/${slug}\\?done=opened`));

  // --- A member of the public, in one journey for both studies ------------------------------------------------
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  try {
    const person = aPerson({ fullName: "Amara Okafor", studies: [INTERVIEW_STUDY, title] });
    await publicPage.goto("/");
    await expect(publicPage.getByText(title)).toBeVisible();
    await startRegistration(publicPage);
    await fillAboutYou(publicPage, person);
    await continueToNextStep(publicPage);
    // Two question sets are recruiting, so the studies are chosen first and only their questions follow.
    await expect(publicPage).toHaveURL(/\/register\/choose-studies$/);
    await expectNoAccessibilityViolations(publicPage);
    const studies = question(publicPage, "Which studies are you interested in?");
    for (const t of person.studies) await studies.getByRole("checkbox", { name: t, exact: true }).check();
    await continueToNextStep(publicPage);
    await expect(publicPage).not.toHaveURL(/\/register\/choose-studies$/);

    // The call's two pages and the third study's page, in the order of the studies; each once.
    const seen: string[] = [];
    for (let step = 0; step < 3; step++) {
      await expect(publicPage).toHaveURL(/\/register\/(your-work|international-experience|pharmacy-[0-9a-f]+)$/);
      const at = new URL(publicPage.url()).pathname.replace("/register/", "");
      expect(seen).not.toContain(at);
      seen.push(at);
      if (at === "your-work") await fillYourWork(publicPage, person);
      else if (at === "international-experience") await fillInternationalExperience(publicPage, person);
      else {
        await expectNoAccessibilityViolations(publicPage);
        await choose(publicPage, "Are you a registered pharmacist?", "Yes");
        await choose(publicPage, "Where do you mostly work?", "Hospital");
        await question(publicPage, "Which languages do you use at work?").getByLabel("French").check();
        await question(publicPage, "Which languages do you use at work?").getByLabel("English").check();
        await publicPage.getByLabel("How many years have you been qualified?").fill("seven");
        await publicPage.getByLabel("When did your last placement abroad end?").fill("31/2/2023");
        await continueToNextStep(publicPage);
        // Bad answers are named, and the page keeps what was typed.
        await expect(publicPage.getByRole("heading", { name: "There is a problem" })).toBeVisible();
        await expect(publicPage).toHaveURL(new RegExp(`/register/${at}$`));
        await publicPage.getByLabel("How many years have you been qualified?").fill("7");
        await publicPage.getByLabel("When did your last placement abroad end?").fill("28/2/2023");
      }
      await continueToNextStep(publicPage);
      if (step < 2) await expect(publicPage).not.toHaveURL(new RegExp(`/register/${at}$`));
    }
    await expect(publicPage).toHaveURL(/\/register\/taking-part$/);
    await fillTakingPart(publicPage, { ...person, studies: [] });
    await continueToNextStep(publicPage);
    await expect(publicPage).toHaveURL(/\/register\/check-answers$/);
    await expect(publicPage.getByText("28 February 2023")).toBeVisible();
    await expectNoAccessibilityViolations(publicPage);
    await sendRegistration(publicPage);
    await expect(outcomeFor(publicPage, INTERVIEW_STUDY)).toContainText("You can take part");
    await expect(outcomeFor(publicPage, title)).toContainText("You can take part");
    await expectNoAccessibilityViolations(publicPage);

    // The third study invites automatically; the interview study after the team's triage.
    const invitation = await waitForEmail(page.request, person.email, `You are invited to take part: ${title}`);
    await invite(portalDb, person.email);
    await waitForEmail(page.request, person.email, `You are invited to take part: ${INTERVIEW_STUDY}`);
    await publicPage.goto(linkIn(invitation, "consent"));
    await publicPage.getByRole("checkbox", { name: "I agree", exact: true }).check();
    await publicPage.getByLabel("Type your full name").fill(person.fullName);
    await publicPage.getByRole("button", { name: "Continue" }).click();
    await publicPage.getByRole("button", { name: "Confirm and sign" }).click();
    await expectSigned(publicPage);
    const record = await portalDb.consentRecord.findFirstOrThrow({
      where: { participation: { study: { slug }, volunteer: { emailNormalised: person.email.toLowerCase() } } },
    });
    expect(record.signedName).toBe(person.fullName);
  } finally {
    await visitor.close();
  }

  // --- Closed: every record kept, no new interest ---------------------------------------------------------------
  await page.goto(`/admin/studies/${slug}`);
  await page.getByRole("link", { name: "Close recruitment" }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Close recruitment" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/studies/${slug}\\?done=closed`));
  expect(await portalDb.participation.count({ where: { study: { slug } } })).toBe(1);
  expect((await portalDb.study.findUniqueOrThrow({ where: { slug } })).status).toBe("CLOSED");
  // With one question set recruiting again, the journey is the call's own, and the closed study is not offered.
  await page.goto("/register");
  await startRegistration(page);
  await fillAboutYou(page, aPerson());
  await continueToNextStep(page);
  await expect(page).toHaveURL(/\/register\/your-work$/);
});
