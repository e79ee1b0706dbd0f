import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/prisma";
import { waitForEmail } from "./consent-journey";
import { expectSuccess, summaryRow, test } from "./admin-fixtures";
import { uniqueEmail } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

/** The email outbox view, and sending a failed email again. */

async function aFailedEmail(db: Database) {
  const to = uniqueEmail("bounced");
  const subject = `Undelivered ${randomUUID().slice(0, 8)}`;
  const email = await db.outgoingEmail.create({
    data: {
      dedupeKey: `e2e-failed:${randomUUID()}`,
      template: "e2e-test",
      toAddress: to,
      subject,
      textBody: "Dear <b>Ada</b>,\n\nThis text is shown as text.",
      htmlBody: '<p id="email-html-rendered">Dear <b>Ada</b></p>',
      status: "FAILED",
      attempts: 20,
      lastError: "The mail server refused the message (550)",
    },
  });
  return { ...email, to, subject };
}

test("the outbox lists emails with their status, and a failed one is retried and sent @phone", async ({
  page,
  context,
  request,
  portalDb,
  authSecret,
}) => {
  const failed = await aFailedEmail(portalDb);
  const researcher = await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto("/admin/emails");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emails");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await page.getByRole("button", { name: "Show emails" }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  const row = page.getByRole("row").filter({ hasText: failed.subject });
  await expect(row).toContainText(failed.to);
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("20 attempts");
  await expect(row).toContainText("Last error: The mail server refused the message (550)");

  await row.getByRole("link", { name: failed.subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(failed.subject);
  await expect(summaryRow(page, "Status")).toHaveText("Failed");
  // The text part is shown as text; the HTML part is never put into the page.
  await expect(page.locator("pre")).toContainText("Dear <b>Ada</b>,");
  await expect(page.locator("#email-html-rendered")).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Retry sending this email" }).click();
  await expectSuccess(page, "The email is being sent again now");
  await waitForEmail(request, failed.to, failed.subject);
  await expect
    .poll(async () => (await portalDb.outgoingEmail.findUniqueOrThrow({ where: { id: failed.id } })).status, {
      timeout: 15_000,
    })
    .toBe("SENT");
  await page.reload();
  await expect(summaryRow(page, "Status")).toHaveText("Sent");
  await expect(page.getByRole("button", { name: "Retry sending this email" })).toHaveCount(0);
  const event = await portalDb.auditEvent.findFirstOrThrow({
    where: { action: "email.retried", subjectId: failed.id },
  });
  expect(event).toMatchObject({ actorId: researcher.id, data: { previousStatus: "FAILED", previousAttempts: 20 } });
});

test("an email that is not there, or an address that is not an id, is a 404", async ({
  page,
  context,
  portalDb,
  authSecret,
  pageErrors,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  expect((await page.goto(`/admin/emails/${randomUUID()}`))?.status()).toBe(404);
  expect((await page.goto("/admin/emails/1%20or%201=1"))?.status()).toBe(404);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 404/.test(e)));
});

test("every page of this part of the dashboard sends a visitor without a session to sign in", async ({
  page,
  portalDb,
}) => {
  const study = await portalDb.study.findFirstOrThrow({
    where: { slug: "interview-study" },
    include: { consentForms: true, informationSheets: true },
  });
  const researcher = await portalDb.researcher.findFirstOrThrow();
  for (const path of [
    "/admin/studies",
    `/admin/studies/${study.slug}`,
    `/admin/studies/${study.slug}/settings`,
    `/admin/studies/${study.slug}/eligibility`,
    `/admin/studies/${study.slug}/information-sheets/new`,
    `/admin/studies/${study.slug}/information-sheets/${study.informationSheets[0]!.id}`,
    `/admin/studies/${study.slug}/consent-forms/new`,
    `/admin/studies/${study.slug}/consent-forms/${study.consentForms[0]!.id}`,
    "/admin/researchers",
    "/admin/researchers/new",
    `/admin/researchers/${researcher.id}`,
    "/admin/account",
    "/admin/exports",
    "/admin/audit",
    "/admin/emails",
    `/admin/emails/${randomUUID()}`,
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in$/);
  }
});

test("a session whose second factor is not done reaches none of them", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN", secondFactorDone: false });
  for (const path of [
    "/admin/studies",
    "/admin/researchers",
    "/admin/audit",
    "/admin/emails",
    "/admin/exports",
    "/admin/account",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\/two-factor$/);
  }
});
