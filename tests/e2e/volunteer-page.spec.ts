import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import { baseURL } from "../playwright.config";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./consent-journey";
import { test } from "./portal-db";
import { INTERVIEW_STUDY, WORKSHOPS, untilInteractive } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";
import { aVolunteer, consentToInterview, type TestVolunteer } from "./volunteer-fixtures";

/** The card of one study on the volunteer's page. */
const studySection = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const banner = (page: Page) => page.locator(".nhsuk-notification-banner--success");
const summaryValue = (scope: Page | Locator, key: string) =>
  scope
    .locator(`.nhsuk-summary-list__row:has(> dt:text-is(${JSON.stringify(key)})) > dd.nhsuk-summary-list__value`)
    .first();

async function checkPage(page: Page): Promise<void> {
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
}

test.describe("on a 360 px wide screen", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a researcher sees a consented volunteer's details, answers, studies, consent record, timeline and emails, and verifies the record", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const volunteer = await aVolunteer(portalDb, { jobTitle: "Theatre sister" });
    const recordId = await consentToInterview(portalDb, volunteer);
    await signInAs(context, portalDb, authSecret);

    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(volunteer.fullName);
    await expect(summaryValue(page, "Email address")).toHaveText(volunteer.email);
    await expect(summaryValue(page, "Role or job title")).toHaveText("Theatre sister");
    const interview = studySection(page, INTERVIEW_STUDY);
    await expect(summaryValue(interview, "Status")).toHaveText("Consented");
    await expect(summaryValue(interview, "Eligibility")).toContainText("Their answers meet every criterion.");
    await expect(interview.getByRole("link", { name: "Schedule or change the interview" })).toHaveAttribute(
      "href",
      `/admin/volunteers/${volunteer.volunteerId}/interview`,
    );
    await expect(
      studySection(page, WORKSHOPS).getByText(
        "A workshop place can be arranged once they have signed the consent form.",
      ),
    ).toBeVisible();
    await expect(page.getByText("Theatre sister").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "What happened, oldest first" }).getByRole("listitem")).toHaveText([
      /Registered interest, by the volunteer$/,
      /Invited to take part, by the portal$/,
      /Signed the consent form, by the participant$/,
    ]);
    const emails = page.getByRole("table");
    await expect(emails.getByRole("row")).toHaveCount(4);
    await expect(emails).toContainText("consent-confirmation");
    await checkPage(page);

    // The signed record, word for word, and its check as evidence.
    await page.getByText(/^Signed consent form, version 0\.1/).click();
    const record = page.locator(`#record-${recordId}`);
    await expect(summaryValue(record, "Signed (typed name)")).toHaveText(volunteer.fullName);
    await expect(summaryValue(record, "Statement 1")).toContainText(
      "I confirm that I have read and understood the participant information sheet",
    );
    await expect(summaryValue(record, "Statement 7")).toContainText("No (optional)");
    await record.getByRole("button", { name: /Verify this record/ }).click();
    await expect(page).toHaveURL(new RegExp(`verify=${recordId}`));
    await expect(record.getByRole("heading", { name: "This record verifies as evidence" })).toBeVisible();
    await expect(record.locator(".nhsuk-tag", { hasText: "Passed" })).toHaveCount(3);
    await checkPage(page);

    const pdf = await page.request.get(`/admin/volunteers/${volunteer.volunteerId}/consent-records/${recordId}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("a researcher overrides an eligibility with a required reason, then removes the override", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const volunteer = await aVolunteer(portalDb, { introducedLearning: "no" });
    const researcher = await signInAs(context, portalDb, authSecret);
    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    const interview = studySection(page, INTERVIEW_STUDY);
    await expect(summaryValue(interview, "Status")).toHaveText("Screened out");
    await interview.getByRole("link", { name: `Override eligibility for ${INTERVIEW_STUDY}` }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Override eligibility: ${INTERVIEW_STUDY}`);
    await checkPage(page);
    await page.getByRole("button", { name: "Override eligibility" }).click();
    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText([
      "Give the reason for overriding their eligibility",
    ]);
    await checkPage(page);

    await page.getByLabel("Eligible", { exact: true }).check();
    await page
      .getByLabel("Reason for the override")
      .fill("They introduced a sepsis pathway; the answer was a slip (checked by phone).");
    await page.getByRole("button", { name: "Override eligibility" }).click();

    await expect(banner(page)).toContainText(`Eligibility overridden for ${INTERVIEW_STUDY}.`);
    await expect(summaryValue(interview, "Status")).toHaveText("Not invited yet");
    await expect(summaryValue(interview, "Eligibility")).toContainText("Eligible (overridden)");
    await expect(summaryValue(interview, "Eligibility")).toContainText(`Overridden by ${researcher.name}`);
    await expect(summaryValue(interview, "Eligibility")).toContainText("the answer was a slip (checked by phone)");
    await checkPage(page);

    await interview.getByRole("link", { name: /Change or remove the override/ }).click();
    await page.getByRole("button", { name: "Remove the override" }).click();
    await expect(banner(page)).toContainText(`Override removed for ${INTERVIEW_STUDY}.`);
    await expect(summaryValue(interview, "Status")).toHaveText("Screened out");
    const actions = (
      await portalDb.auditEvent.findMany({
        where: { subjectId: volunteer.interviewId, actorId: researcher.id },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["participation.eligibility_overridden", "participation.eligibility_override_cleared"]);
  });
});

test("a researcher invites a volunteer, sends a new link, and sees why an invitation cannot be sent", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const volunteer = await aVolunteer(portalDb);
  await signInAs(context, portalDb, authSecret);
  await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
  const interview = studySection(page, INTERVIEW_STUDY);
  await interview.getByRole("button", { name: "Send the invitation" }).click();
  await expect(banner(page)).toContainText(`Invitation sent for ${INTERVIEW_STUDY}.`);
  await expect(summaryValue(interview, "Status")).toHaveText("Invited");
  await expect(page.getByRole("table")).toContainText("invitation");

  await interview.getByRole("button", { name: "Send a new consent link" }).click();
  await expect(banner(page)).toContainText(`A new consent link was sent for ${INTERVIEW_STUDY}.`);
  expect(
    await portalDb.outgoingEmail.count({ where: { participationId: volunteer.interviewId, template: "invitation" } }),
  ).toBe(2);

  // Meanwhile they declined (say, by their own link): the button now explains why nothing was sent.
  const workshops = studySection(page, WORKSHOPS);
  await expect(workshops.getByRole("button", { name: "Send the invitation" })).toBeVisible();
  await portalDb.participation.update({ where: { id: volunteer.workshopsId }, data: { status: "DECLINED" } });
  await workshops.getByRole("button", { name: "Send the invitation" }).click();
  const errors = workshops.locator(".nhsuk-error-summary");
  await expect(errors).toBeFocused();
  await expect(errors.getByRole("link")).toHaveText("This person cannot be invited: their status is declined.");
  await expectNoAccessibilityViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a researcher records a withdrawal told by phone, after checking the form", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const volunteer = await aVolunteer(portalDb);
    await consentToInterview(portalDb, volunteer);
    const researcher = await signInAs(context, portalDb, authSecret);
    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    await studySection(page, INTERVIEW_STUDY)
      .getByRole("link", { name: /Record a withdrawal from this study/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a withdrawal");
    await expect(page.getByLabel(INTERVIEW_STUDY)).toBeChecked();
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "Record the withdrawal" }).click();
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText([
      "Choose how they told you",
      "Choose what should happen to the information they have already given",
    ]);
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel("By phone").check();
    await page.getByLabel("Remove it where this is still possible").check();
    await page.getByLabel("Their reason, if they gave one (optional)").fill("Changing jobs");
    await page.getByRole("button", { name: "Record the withdrawal" }).click();

    await expect(banner(page)).toContainText("Withdrawal recorded.");
    const interview = studySection(page, INTERVIEW_STUDY);
    await expect(summaryValue(interview, "Status")).toHaveText("Withdrawn");
    await expect(summaryValue(interview, "Withdrew")).toContainText(`recorded by ${researcher.name}, told by phone.`);
    await expect(summaryValue(interview, "Withdrew")).toContainText("to be removed where still possible");
    await expect(summaryValue(interview, "Withdrew")).toContainText("Changing jobs");
    await expect(summaryValue(studySection(page, WORKSHOPS), "Status")).toHaveText("Not invited yet");
    expect(await portalDb.withdrawal.findFirst({ where: { participationId: volunteer.interviewId } })).toMatchObject({
      method: "RECORDED_BY_RESEARCHER",
      channel: "phone",
      recordedById: researcher.id,
    });
  });
});

test("a researcher downloads everything held about a volunteer as JSON, and the export is audited", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const volunteer = await aVolunteer(portalDb);
  const recordId = await consentToInterview(portalDb, volunteer);
  const researcher = await signInAs(context, portalDb, authSecret);
  await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all their data (subject access request, JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`volunteer-${volunteer.volunteerId}.json`);
  const text = await readFile(await file.path(), "utf8");
  const data = JSON.parse(text) as {
    volunteer: { email: string };
    participations: { consentRecords: { id: string }[] }[];
    accessTokens: object[];
  };
  expect(data.volunteer.email).toBe(volunteer.email);
  expect(data.participations.flatMap((p) => p.consentRecords.map((r) => r.id))).toEqual([recordId]);
  expect(data.accessTokens.length).toBeGreaterThan(0);
  expect(text).not.toContain("tokenHash");
  for (const { tokenHash } of await portalDb.accessToken.findMany({ where: { volunteerId: volunteer.volunteerId } }))
    expect(text).not.toContain(tokenHash);
  expect(
    await portalDb.auditEvent.count({
      where: { action: "volunteer.exported", subjectId: volunteer.volunteerId, actorId: researcher.id },
    }),
  ).toBe(1);
});

/** The request an admin's browser (with JavaScript) sends to erase someone, captured and stopped before it reaches the portal. */
async function captureEraseRequest(browser: Browser, portalDb: Database, authSecret: string, volunteer: TestVolunteer) {
  const context = await browser.newContext({ baseURL });
  try {
    await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
    const page = await context.newPage();
    const address = `/admin/volunteers/${volunteer.volunteerId}/erase`;
    await page.goto(address);
    await untilInteractive(page);
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route(`${baseURL}${address}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      // The admin's own session and origin stay behind: only the action and its form are replayed.
      const { origin: _origin, cookie: _cookie, ...headers } = await route.request().allHeaders();
      captured = { headers, body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    });
    await page.getByLabel("To confirm, type their email address").fill(volunteer.email);
    await page.getByRole("button", { name: "Erase their personal data" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    return captured!;
  } finally {
    await context.close();
  }
}

test.describe("erasing a volunteer's personal data", () => {
  test("an admin confirms by typing their email address; a wrong one is refused; the page then shows only what is kept", async ({
    page,
    context,
    portalDb,
    authSecret,
  }) => {
    const volunteer = await aVolunteer(portalDb);
    await consentToInterview(portalDb, volunteer);
    await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    await page.getByRole("link", { name: "Erase their personal data" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erase their personal data");
    await expect(
      page.getByText(
        "The signed consent form and the record of any withdrawal are kept, as the ethics approval requires.",
      ),
    ).toBeVisible();
    await checkPage(page);
    await page.getByLabel("To confirm, type their email address").fill("someone.else@nhs.net");
    await page.getByRole("button", { name: "Erase their personal data" }).click();
    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText([
      "The email address you typed is not theirs. Type the email address shown on their page",
    ]);
    expect((await portalDb.volunteer.findUniqueOrThrow({ where: { id: volunteer.volunteerId } })).erasedAt).toBeNull();
    await checkPage(page);

    await page.getByLabel("To confirm, type their email address").fill(volunteer.email.toUpperCase());
    await page.getByRole("button", { name: "Erase their personal data" }).click();

    await expect(banner(page)).toContainText("Their personal data has been erased.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erased volunteer");
    await expect(page.getByText(volunteer.email)).toHaveCount(0);
    await expect(page.getByText(/^Submitted /)).toBeVisible();
    await expect(page.getByText("The answers were erased at their request.")).toBeAttached();
    // Kept: their statuses and the signed record, which shows the name they typed.
    const interview = studySection(page, INTERVIEW_STUDY);
    await expect(summaryValue(interview, "Status")).toHaveText("Consented");
    await expect(interview.getByText(/^Signed consent form, version 0\.1/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Erase their personal data" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Send the invitation/ })).toHaveCount(0);
    await checkPage(page);
    const events = await portalDb.auditEvent.findMany({
      where: { action: "volunteer.erased", subjectId: volunteer.volunteerId },
    });
    expect(events).toHaveLength(1);
  });

  test("a researcher without the admin role sees no erase button, cannot open the page, and cannot post the action directly", async ({
    browser,
    page,
    context,
    portalDb,
    authSecret,
    pageErrors,
  }) => {
    const volunteer = await aVolunteer(portalDb);
    // An admin's form, with its action's id, as a researcher could copy it.
    const adminContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await signInAs(adminContext, portalDb, authSecret, { role: "ADMIN" });
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`/admin/volunteers/${volunteer.volunteerId}/erase`);
    const fields = await adminPage
      .locator("form:has(#confirmEmail) input")
      .evaluateAll((inputs) =>
        Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
      );
    await adminContext.close();
    expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
    const fetchAction = await captureEraseRequest(browser, portalDb, authSecret, volunteer);

    await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(volunteer.fullName);
    await expect(page.getByRole("link", { name: "Erase their personal data" })).toHaveCount(0);

    const response = await page.goto(`/admin/volunteers/${volunteer.volunteerId}/erase`);
    expect(response?.status()).toBe(403);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 403/.test(e)));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to do this");

    // Posted as a form without JavaScript: Next.js answers an action's refusal with its "not found" page.
    const posted = await page.request.post(`/admin/volunteers/${volunteer.volunteerId}/erase`, {
      multipart: { ...fields, confirmEmail: volunteer.email },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(404);
    // Posted as the page's own script does (captured from an admin's browser, and stopped there): a 403.
    expect(fetchAction.headers["next-action"]).toBeTruthy();
    const fetched = await page.request.post(`/admin/volunteers/${volunteer.volunteerId}/erase`, {
      headers: { ...fetchAction.headers, origin: baseURL },
      data: fetchAction.body,
      maxRedirects: 0,
    });
    expect(fetched.status()).toBe(403);
    const after = await portalDb.volunteer.findUniqueOrThrow({ where: { id: volunteer.volunteerId } });
    expect(after).toMatchObject({ erasedAt: null, fullName: volunteer.fullName });
    expect(
      await portalDb.auditEvent.count({ where: { action: "volunteer.erased", subjectId: volunteer.volunteerId } }),
    ).toBe(0);
  });
});

test.describe("access", () => {
  test("without a session, the pages send you to sign in and the downloads answer 401", async ({ page, portalDb }) => {
    const volunteer = await aVolunteer(portalDb);
    const recordId = await consentToInterview(portalDb, volunteer);
    const base = `/admin/volunteers/${volunteer.volunteerId}`;
    for (const path of [base, `${base}/withdraw`, `${base}/erase`, `${base}/eligibility/${volunteer.interviewId}`]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/sign-in$/);
    }
    for (const path of [`${base}/export`, `${base}/consent-records/${recordId}`]) {
      expect((await page.request.get(path)).status(), path).toBe(401);
    }
    expect(
      await portalDb.auditEvent.count({ where: { action: "volunteer.exported", subjectId: volunteer.volunteerId } }),
    ).toBe(0);
  });

  test("a participant's own link is no key to the dashboard, even passed as a session cookie", async ({
    browser,
    portalDb,
  }) => {
    const volunteer = await aVolunteer(portalDb);
    await consentToInterview(portalDb, volunteer);
    const email = await portalDb.outgoingEmail.findFirstOrThrow({
      where: { volunteerId: volunteer.volunteerId, template: "consent-confirmation" },
    });
    const manageToken = /\/manage\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1]!;
    const context = await browser.newContext({ baseURL });
    try {
      await context.addCookies([
        { name: "authjs.session-token", value: manageToken, url: baseURL, httpOnly: true, sameSite: "Lax" },
      ]);
      const page = await context.newPage();
      // The link itself works for them...
      expect((await page.goto(`/manage/${manageToken}`))?.status()).toBe(200);
      // ...but opens nothing of the team's.
      await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
      await expect(page).toHaveURL(/\/sign-in$/);
      expect((await page.request.get(`/admin/volunteers/${volunteer.volunteerId}/export`)).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  test("a session without the second factor reaches nothing", async ({ page, context, portalDb, authSecret }) => {
    const volunteer = await aVolunteer(portalDb);
    await signInAs(context, portalDb, authSecret, { secondFactorDone: false });
    await page.goto(`/admin/volunteers/${volunteer.volunteerId}`);
    await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
    expect((await page.request.get(`/admin/volunteers/${volunteer.volunteerId}/export`)).status()).toBe(401);
  });

  test("ids that are malformed, unknown or another volunteer's are 404s", async ({
    page,
    context,
    portalDb,
    authSecret,
    pageErrors,
  }) => {
    const mine = await aVolunteer(portalDb);
    const theirs = await aVolunteer(portalDb);
    const theirRecord = await consentToInterview(portalDb, theirs);
    await signInAs(context, portalDb, authSecret);
    const base = `/admin/volunteers/${mine.volunteerId}`;
    for (const path of [
      "/admin/volunteers/not-a-uuid",
      `/admin/volunteers/${randomUUID()}`,
      `${base}/eligibility/${theirs.interviewId}`,
      `${base}/eligibility/nope`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    }
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 404/.test(e)));
    // Another volunteer's consent record under this volunteer's address.
    expect((await page.request.get(`${base}/consent-records/${theirRecord}`)).status()).toBe(404);
    expect(
      (await page.request.get(`/admin/volunteers/${theirs.volunteerId}/consent-records/${theirRecord}`)).status(),
    ).toBe(200);
    expect((await page.request.get(`${base}/consent-records/not-a-uuid`)).status()).toBe(404);
    expect((await page.request.get(`/admin/volunteers/${randomUUID()}/export`)).status()).toBe(404);
    // Verifying another volunteer's record on this page shows nothing of it.
    await page.goto(`${base}?verify=${theirRecord}`);
    await expect(page.getByText("This record verifies as evidence")).toHaveCount(0);
  });
});
