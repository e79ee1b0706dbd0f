import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { sealSecret } from "@/lib/auth/secret-box";
import { currentTotpCode, newTotpSecret } from "@/lib/auth/totp";
import type { Database } from "@/lib/db/prisma";
import { baseURL } from "../playwright.config";
import { test } from "./portal-db";
import { emailsTo, uniqueEmail } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations } from "./support";

/** A researcher account, with an authenticator already set up unless `enrolled` is false. */
async function researcher(db: Database, authSecret: string, options: { enrolled?: boolean } = {}) {
  const email = `lead.${randomUUID().slice(0, 8)}@imperial.ac.uk`;
  const totpSecret = newTotpSecret();
  await db.researcher.create({
    data: {
      email,
      name: "Lead Researcher",
      role: "ADMIN",
      ...(options.enrolled === false
        ? {}
        : { totpSecret: sealSecret(totpSecret, authSecret), totpEnabledAt: new Date() }),
    },
  });
  return { email, totpSecret };
}

async function requestLink(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
}

async function signInLink(page: Page, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const messages = await emailsTo(page.request, email);
      link = messages.map((m) => m.text.match(/https?:\/\/\S+\/sign-in\/confirm\?\S+/)?.[0]).find(Boolean);
      return link;
    })
    .toBeTruthy();
  return link!;
}

test("the dashboard is reached only after the emailed link, its button and an authenticator code", async ({
  page,
  portalDb,
  authSecret,
}) => {
  const { email, totpSecret } = await researcher(portalDb, authSecret);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoAccessibilityViolations(page);

  await requestLink(page, email.toUpperCase());
  await expectNoAccessibilityViolations(page);
  const link = await signInLink(page, email);
  const message = (await emailsTo(page.request, email))[0]!;
  expect(message.subject).toBe("Your sign-in link");
  expect(message.text).toContain("10 minutes");

  // Email security scanners open the link first: that must not use it or sign anyone in.
  for (let i = 0; i < 2; i++) expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the study dashboard");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(`${baseURL}/sign-in/two-factor`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter the code from your authenticator app");
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("The code is not right");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Code from your authenticator app").fill(currentTotpCode(totpSecret));
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(`${baseURL}/admin`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recruitment overview");
  await expectNoAccessibilityViolations(page);

  // The link worked once; it does not work again.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This sign-in link does not work");
});

test("an address that is not a researcher's gets the same page and no email", async ({
  page,
  portalDb,
  authSecret,
}) => {
  const stranger = uniqueEmail("stranger");
  await requestLink(page, stranger);
  // A researcher asks right after; once their email has arrived, the stranger's would have too.
  const { email } = await researcher(portalDb, authSecret);
  await requestLink(page, email);
  await signInLink(page, email);
  expect(await emailsTo(page.request, stranger)).toEqual([]);
  expect(await portalDb.researcher.count({ where: { email: stranger } })).toBe(0);
});

test("a first sign-in sets up the authenticator app from a QR code or a key", async ({
  page,
  portalDb,
  authSecret,
}) => {
  const { email } = await researcher(portalDb, authSecret, { enrolled: false });
  await requestLink(page, email);
  await page.goto(await signInLink(page, email));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your authenticator app");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByText("I cannot scan the code").click();
  const key = (await page.locator("code").innerText()).trim();
  await page.getByLabel("Code from your authenticator app").fill(currentTotpCode(key));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${baseURL}/admin`);
});

test("a session without its second factor reaches nothing in the dashboard", async ({
  context,
  page,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { secondFactorDone: false });
  await page.goto("/admin");
  await expect(page).toHaveURL(`${baseURL}/sign-in/two-factor`);
});

test("a session unused for 30 minutes has ended", async ({ context, page, portalDb, authSecret }) => {
  const researcherSession = await signInAs(context, portalDb, authSecret);
  await portalDb.researcherSession.update({
    where: { sessionToken: researcherSession.sessionToken },
    data: { lastActiveAt: new Date(Date.now() - 31 * 60_000) },
  });
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("signing out ends the session; signing out everywhere ends them all", async ({
  browser,
  context,
  page,
  portalDb,
  authSecret,
}) => {
  const me = await signInAs(context, portalDb, authSecret);
  // The same researcher on a second device.
  const elsewhere = await browser.newContext();
  const otherToken = randomUUID();
  await portalDb.researcherSession.create({
    data: {
      sessionToken: otherToken,
      userId: me.id,
      expires: new Date(Date.now() + 3_600_000),
      secondFactorAt: new Date(),
    },
  });
  await elsewhere.addCookies([{ name: "authjs.session-token", value: otherToken, url: baseURL }]);
  const otherPage = await elsewhere.newPage();
  await otherPage.goto("/admin");
  await expect(otherPage).toHaveURL(`${baseURL}/admin`);

  await page.goto("/admin/account");
  await page.getByRole("link", { name: "Sign out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, sign me out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=everywhere$/);
  await expect(page.getByText("You have been signed out on every device.")).toBeVisible();
  await otherPage.goto("/admin");
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  expect(await portalDb.researcherSession.count({ where: { userId: me.id } })).toBe(0);
  await elsewhere.close();
});

test("the sign-out button ends this session", async ({ context, page, portalDb, authSecret }) => {
  const me = await signInAs(context, portalDb, authSecret);
  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
  expect(await portalDb.researcherSession.count({ where: { sessionToken: me.sessionToken } })).toBe(0);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in$/);
});
