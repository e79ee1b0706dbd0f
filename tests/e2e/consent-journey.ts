import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Locator, Page } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { seedStudies } from "@/lib/seed/study-content";
import { baseURL } from "../playwright.config";
import { aPerson, emailsTo, register, uniqueEmail, type CaughtEmail, type Person } from "./registration-journey";
import { test } from "./portal-db";
import { expect, expectNoAccessibilityViolations } from "./support";

/**
 * Fixtures and helpers for the consent and withdrawal journeys. There is no researcher dashboard yet, so
 * `invite` does what it will do: calls the real domain function against the portal's own database, from
 * the test process. Everything else happens as the person would do it: their emails, their links.
 */

export const STUDY_TEAM = "mark.skopec17@imperial.ac.uk";

export { test };

/** The seeded consent form of a study, as the person must see it: statements in order, with their numbers. */
export function consentStatements(studySlug = "interview-study") {
  const study = seedStudies.find((s) => s.slug === studySlug);
  if (!study) throw new Error(`no seeded study ${studySlug}`);
  return study.consentForm.statements.map((s, index) => ({ ...s, position: index + 1 }));
}

/** A name no other test uses, so the study team's shared mailbox can be searched by it. */
export function uniqueName(name: string): string {
  return `${name} ${randomBytes(3).toString("hex")}`;
}

/** Invites a registered person to a study, as the researcher dashboard will. */
export async function invite(db: Database, email: string, studySlug = "interview-study"): Promise<void> {
  const participation = await db.participation.findFirstOrThrow({
    where: { volunteer: { emailNormalised: email.trim().toLowerCase() }, study: { slug: studySlug } },
    select: { id: true },
  });
  await inviteParticipant(db, { participationId: participation.id, actor: { type: "SYSTEM" } });
}

/** Waits for the email to this address whose subject starts so (and whose text contains `containing`). */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  subject: string,
  containing = "",
): Promise<CaughtEmail> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await emailsTo(request, to)).find((m) => m.subject.startsWith(subject) && m.text.includes(containing));
        return found !== undefined;
      },
      { message: `an email "${subject}…" to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** The personal link of this kind in an email, as the person would click it. */
export function linkIn(email: CaughtEmail, kind: "consent" | "manage"): string {
  const link = new RegExp(`${baseURL}/${kind}/[A-Za-z0-9_-]{43}`).exec(email.text)?.[0];
  expect(link, `a ${kind} link in "${email.subject}"`).toBeTruthy();
  return link!;
}

export type InvitedPerson = { person: Person; invitation: CaughtEmail; consentUrl: string; manageUrl: string };

/**
 * Registers someone through the public pages, in a browser window of its own with JavaScript on, whatever
 * the test's own page is like: registering is not what these tests are about (registration.spec is).
 */
export async function registerElsewhere(browser: Browser, person: Person): Promise<void> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  try {
    await register(await context.newPage(), person);
  } finally {
    await context.close();
  }
}

/** Registers someone (for both studies), invites them to one, and reads the invitation. */
export async function anInvitedPerson(
  browser: Browser,
  request: APIRequestContext,
  db: Database,
  name = "Ada Lovelace",
  studySlug = "interview-study",
): Promise<InvitedPerson> {
  const person = aPerson({ fullName: uniqueName(name), email: uniqueEmail(name.split(" ")[0]!.toLowerCase()) });
  await registerElsewhere(browser, person);
  await invite(db, person.email, studySlug);
  const invitation = await waitForEmail(request, person.email, "You are invited to take part");
  return { person, invitation, consentUrl: linkIn(invitation, "consent"), manageUrl: linkIn(invitation, "manage") };
}

// --- The consent form ----------------------------------------------------------------------------------

export function statementGroup(page: Page, statement: { position: number; required: boolean }): Locator {
  return page.getByRole("group", {
    name: `Statement ${statement.position}${statement.required ? "" : " (optional)"}`,
    exact: true,
  });
}

/** Agrees to every required statement, answers the optional ones ("Yes" to the first, "No" to the rest), types the name. */
export async function answerConsentForm(page: Page, signedName: string): Promise<void> {
  let optional = 0;
  for (const s of consentStatements()) {
    const group = statementGroup(page, s);
    if (s.required) await group.getByRole("checkbox", { name: "I agree", exact: true }).check();
    else await group.getByRole("radio", { name: optional++ === 0 ? "Yes" : "No", exact: true }).check();
  }
  await page.getByLabel("Type your full name").fill(signedName);
}

/** From the consent page to the signed confirmation; returns the id of the new record. */
export async function signConsentForm(page: Page, signedName: string): Promise<string> {
  await answerConsentForm(page, signedName);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your answers before you sign" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and sign" }).click();
  return expectSigned(page);
}

/** "Manage your participation" (the one h1), with the panel confirming what the person has just done. */
export async function expectManagePage(page: Page, panel: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage your participation");
  await expect(page.getByRole("heading", { level: 2, name: panel })).toBeVisible();
  // After a form's redirect the title arrives with the page's metadata; the checks that follow need it.
  await expect(page).toHaveTitle(/^Manage your participation – /);
}

/** The manage page the person lands on after signing; returns the id of the new record. */
export async function expectSigned(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/manage\/[A-Za-z0-9_-]{43}\?signed=[0-9a-f-]{36}$/);
  await expectManagePage(page, "Consent form signed");
  return new URL(page.url()).searchParams.get("signed")!;
}

export async function expectInvalidLink(page: Page, person?: Person): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  if (person) {
    await expect(page.getByRole("main")).not.toContainText(person.fullName);
    await expect(page.getByRole("main")).not.toContainText(person.email);
  }
}

/** The value beside a key in a summary list (the consent page's details, the review, the signed forms). */
export function summaryValue(page: Page, key: string): Locator {
  return page
    .locator(".nhsuk-summary-list__row")
    .filter({ has: page.locator(".nhsuk-summary-list__key").getByText(key, { exact: true }) })
    .locator(".nhsuk-summary-list__value");
}

/** One study's card on the "Manage your participation" page. */
export function studyCard(page: Page, studyTitle: string): Locator {
  return page.getByRole("region", { name: studyTitle, exact: true });
}

/** The card's "Withdraw from this study" link (its accessible name goes on to name the study). */
export function withdrawLink(card: Locator): Locator {
  return card.getByRole("link", { name: /^Withdraw from this study\b/ });
}

/** The form's fields as the browser would post them, for sending again or altered, without the browser. */
export async function formFields(page: Page): Promise<Record<string, string>> {
  const fields = await page
    .locator("main form")
    .evaluate((form) =>
      [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const),
    );
  return Object.fromEntries(fields);
}

/**
 * axe runs as a script in the page, which a page without JavaScript cannot do ("Resulting promise was
 * garbage collected"). So the page as it is now is checked in a window of its own with JavaScript on, at
 * the same address (so that its styles load) and without its scripts (so that nothing changes it first).
 */
export async function expectNoAccessibilityViolationsWithoutJavaScript(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const address = page.url();
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL, viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(
      (url) => url.href === address,
      (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(address);
    await expectNoAccessibilityViolations(copy);
  } finally {
    await context.close();
  }
}

// --- The keyboard ---------------------------------------------------------------------------------------

/** Presses Tab (only Tab) until the keyboard focus is on, or inside, the target. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el.contains(document.activeElement))) return;
    await page.keyboard.press("Tab");
  }
  expect(false, `the Tab key never reached ${target.toString()}`).toBe(true);
}

export async function tickWithKeyboard(page: Page, box: Locator): Promise<void> {
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
}

/** Radios are one Tab stop; the arrow keys move between the answers, Space picks the focused one. */
export async function chooseWithKeyboard(page: Page, group: Locator, label: string): Promise<void> {
  const answer = group.getByRole("radio", { name: label, exact: true });
  await tabTo(page, group);
  for (let presses = 0; presses < 4 && !(await answer.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Space");
  await expect(answer).toBeChecked();
}

export async function pressButton(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}
