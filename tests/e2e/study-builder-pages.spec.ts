import { randomBytes } from "node:crypto";
import { expectErrors, expectSuccess, test } from "./admin-fixtures";
import { untilInteractive } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/**
 * The study builder's pages: creating a study with questions of its own, writing and publishing them,
 * previewing it, and what stands in the way of opening it. The study stays a draft, so it never reaches
 * the public pages other tests read.
 */

test("an admin creates a study, writes its questions, publishes them and previews the study @phone", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const tag = randomBytes(4).toString("hex");
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto("/admin/studies");
  await page.getByRole("link", { name: "Create a study" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a study");
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Create the study" }).click();
  await expectErrors(page, [
    "Enter the study's title",
    "Enter a short title for the study",
    "Enter the study's web address",
    "Enter a summary of the study",
    "Enter what taking part involves",
    "Choose the study's format",
    "Enter the name of the study's contact",
    "Enter the contact's email address",
  ]);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Title", { exact: true }).fill(`Builder study ${tag}`);
  await page.getByLabel("Short title").fill(`Builder ${tag}`);
  await page.getByLabel("Web address").fill(`builder-${tag}`);
  await page.getByLabel("Summary").fill("Interviews with pharmacists.");
  await page.getByLabel("What taking part involves").fill("One interview of an hour.");
  await page.getByRole("group", { name: "Format" }).getByLabel("Interviews, one at a time").check();
  await page.getByLabel("Contact's name").fill("Dr Jo Bloggs");
  await page.getByLabel("Contact's email address").fill("jo.bloggs@imperial.ac.uk");
  await page.getByRole("group", { name: "Questions" }).getByLabel("Its own questions").check();
  await page.getByRole("button", { name: "Create the study" }).click();
  await expectSuccess(page, /The study has been created as a draft/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Builder study ${tag}`);

  await page.getByRole("link", { name: /Screening questions/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Screening questions");
  await expect(page.getByRole("heading", { name: "Draft of version 1" })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole("link", { name: "Add a page" }).click();
  await page.getByLabel("Page title").fill("Your pharmacy");
  await page.getByLabel("Page address").fill(`pharmacy-${tag}`);
  await page.getByRole("button", { name: "Add the page" }).click();
  await expectSuccess(page, "The draft has been saved");

  await page.getByRole("link", { name: "Add a question to Your pharmacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a question");
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("group", { name: "Type of question" }).getByLabel("One choice from a list").check();
  await page.getByLabel("Question", { exact: true }).fill("Where do you work?");
  await page.getByLabel("Short name").fill(`Sector ${tag}`);
  // The code is suggested from the short name.
  await expect(page.getByLabel("Code")).toHaveValue(`sector${tag[0]!.toUpperCase()}${tag.slice(1)}`);
  await page.getByLabel("Options").fill("Hospital\nCommunity\nHospital");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.locator(".nhsuk-error-message").first()).toContainText('has two options with the code "hospital"');
  await page.getByLabel("Options").fill("Hospital\ncommunity: In the community");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expectSuccess(page, "The draft has been saved");
  await expect(page.getByText("In the community [community]")).toBeVisible();

  await page.getByRole("link", { name: "Publish version 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publish version 1 of the questions");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expectSuccess(page, "Version 1 of the questions has been published");

  await page.goto(`/admin/studies/builder-${tag}/preview`);
  await expect(page.getByText("Preview: people cannot see this yet")).toBeVisible();
  await expect(page.getByText("Where do you work?")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.goto(`/admin/studies/builder-${tag}/open`);
  await expect(page.getByRole("heading", { name: "This study cannot open yet" })).toBeVisible();
  await expect(page.getByText("Publish an information sheet first.")).toBeVisible();
  await expect(page.getByText("Add at least one eligibility rule first.")).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // The public never sees a draft, nor its preview.
  await context.clearCookies();
  expect((await page.request.get(`/studies/builder-${tag}/information-sheet`)).status()).toBe(404);
  await page.goto(`/admin/studies/builder-${tag}/preview`);
  await expect(page.getByText("Preview: people cannot see this yet")).toHaveCount(0);
});
