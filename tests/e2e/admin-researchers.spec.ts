import { randomUUID } from "node:crypto";
import { waitForEmail } from "./consent-journey";
import { expectErrors, expectSuccess, summaryRow, test } from "./admin-fixtures";
import { uniqueEmail, untilInteractive } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/** Researcher accounts (admins only) and a researcher's own account page. */

test("an admin adds a researcher, who is emailed how to sign in and listed as not yet set up @phone", async ({
  page,
  context,
  request,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto("/admin/researchers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Researchers");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: "Add a researcher" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a researcher");
  await page.getByRole("button", { name: "Add the researcher" }).click();
  await expectErrors(page, ["Enter their full name", "Enter their email address"]);
  await expectNoAccessibilityViolations(page);

  const email = uniqueEmail("grace");
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByRole("radio", { name: "Researcher" }).check();
  await page.getByRole("button", { name: "Add the researcher" }).click();
  await expectSuccess(page, "The account has been added, and they have been emailed how to sign in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grace Hopper");
  await expect(summaryRow(page, "Email")).toHaveText(email);
  await expect(summaryRow(page, "Authenticator app")).toHaveText(
    "Not set up yet: they will set it up the next time they sign in",
  );
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  const welcome = await waitForEmail(request, email, "You have an account on the study dashboard");
  expect(welcome.text).toContain("/sign-in");

  // The same address again is refused.
  await page.goto("/admin/researchers/new");
  await page.getByLabel("Full name").fill("Grace Again");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Add the researcher" }).click();
  await expectErrors(page, ["There is already an account with this email address"]);

  await page.goto("/admin/researchers");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Not set up yet");
  await expect(row).toContainText("Never");
});

test("an admin changes a researcher's role, disables the account (ending its sessions), enables it and resets the authenticator", async ({
  page,
  browser,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  const otherContext = await browser.newContext();
  const other = await signInAs(otherContext, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto(`/admin/researchers/${other.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(other.name);
  await expectNoAccessibilityViolations(page);

  await page.getByRole("radio", { name: "Admin" }).check();
  await page.getByRole("button", { name: "Change role" }).click();
  await expectSuccess(page, "Their role has been changed");
  await expect(summaryRow(page, "Role")).toHaveText("Admin");

  await page.getByRole("link", { name: "Disable the account" }).click();
  await expect(page.getByRole("heading", { name: "Disable this account?" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, disable the account" }).click();
  await expectSuccess(page, "The account has been disabled and every session it had has ended");
  await expect(summaryRow(page, "Account")).toContainText("Disabled since");
  expect(await portalDb.researcherSession.count({ where: { userId: other.id } })).toBe(0);
  // Their browser is signed out at once.
  const theirs = await otherContext.newPage();
  await theirs.goto("/admin");
  await expect(theirs).toHaveURL(/\/sign-in$/);

  await page.getByRole("button", { name: "Enable the account" }).click();
  await expectSuccess(page, "The account has been enabled: they can sign in again");

  await page.getByRole("link", { name: "Reset their authenticator app" }).click();
  await page.getByRole("button", { name: "Yes, reset their authenticator app" }).click();
  await expectSuccess(page, "Their authenticator app has been reset: they will set one up the next time they sign in");
  await expect(summaryRow(page, "Authenticator app")).toHaveText(
    "Not set up yet: they will set it up the next time they sign in",
  );
  expect(await portalDb.researcher.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
    totpSecret: null,
    totpEnabledAt: null,
  });

  const actions = (
    await portalDb.auditEvent.findMany({
      where: { subjectId: other.id, actorType: "RESEARCHER" },
      orderBy: { id: "asc" },
    })
  ).map((e) => e.action);
  expect(actions).toEqual([
    "researcher.role_changed",
    "researcher.disabled",
    "researcher.enabled",
    "researcher.authenticator_reset",
  ]);
  await otherContext.close();
});

test("an admin signs another researcher out everywhere", async ({ page, browser, context, portalDb, authSecret }) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  const otherContext = await browser.newContext();
  const other = await signInAs(otherContext, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto(`/admin/researchers/${other.id}?confirm=sign-out#confirm`);
  await page.getByRole("button", { name: "Yes, sign them out everywhere" }).click();
  await expectSuccess(page, "They have been signed out everywhere");
  const theirs = await otherContext.newPage();
  await theirs.goto("/admin");
  await expect(theirs).toHaveURL(/\/sign-in$/);
  await otherContext.close();
});

test("an admin cannot remove their own admin role or disable themselves", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const me = await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  await page.goto(`/admin/researchers/${me.id}`);
  await expect(page.getByText("You cannot change your own role. Another admin can.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Disable the account" })).toHaveCount(0);
  // Asking for the confirmation by address does not offer it either.
  await expect(page.getByRole("link", { name: /out everywhere|authenticator/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "your account", exact: true })).toHaveAttribute("href", "/admin/account");
  await page.goto(`/admin/researchers/${me.id}?confirm=disable`);
  await expect(page.getByRole("button", { name: "Yes, disable the account" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});

test("a researcher who is not an admin is refused every researcher-account page with 403", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const me = await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto("/admin");
  await expect(
    page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Researchers" }),
  ).toHaveCount(0);
  for (const path of [
    "/admin/researchers",
    "/admin/researchers/new",
    `/admin/researchers/${me.id}`,
    `/admin/researchers/${randomUUID()}`,
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
});

test("an admin's role form sent by a researcher who is not an admin is refused with 403", async ({
  page,
  browser,
  context,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  const otherContext = await browser.newContext();
  const other = await signInAs(otherContext, portalDb, authSecret, { role: "RESEARCHER" });
  await otherContext.close();
  await page.goto(`/admin/researchers/${other.id}`);
  await untilInteractive(page);
  // The researcher, signed in in this browser, tries to make themselves an admin with the admin's form.
  await context.clearCookies();
  await context.addCookies([
    { name: "authjs.session-token", value: other.sessionToken, url: page.url(), httpOnly: true, sameSite: "Lax" },
  ]);
  await page.getByRole("radio", { name: "Admin" }).check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Change role" }).click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to do this");
  expect((await portalDb.researcher.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("RESEARCHER");
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 403/.test(e)));
});

test("a researcher sees their own account and signs out everywhere", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const me = await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await portalDb.researcherSession.create({
    data: {
      sessionToken: randomUUID(),
      userId: me.id,
      expires: new Date(Date.now() + 3_600_000),
      secondFactorAt: new Date(),
    },
  });
  await page.goto("/admin/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(summaryRow(page, "Email")).toHaveText(me.email);
  await expect(summaryRow(page, "Role")).toHaveText("Researcher");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign out on every device?" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, sign me out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=everywhere$/);
  expect(await portalDb.researcherSession.count({ where: { userId: me.id } })).toBe(0);
});
