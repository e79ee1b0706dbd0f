import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import { baseURL, mailCatcherWebPort } from "../playwright.config";
import {
  STUDY_TEAM,
  anInvitedPerson,
  answerConsentForm,
  chooseWithKeyboard,
  consentStatements,
  expectInvalidLink,
  expectManagePage,
  expectNoAccessibilityViolationsWithoutJavaScript,
  expectSigned,
  formFields,
  invite,
  linkIn,
  pressButton,
  registerElsewhere,
  signConsentForm,
  statementGroup,
  studyCard,
  summaryValue,
  tabTo,
  test,
  tickWithKeyboard,
  waitForEmail,
  withdrawLink,
} from "./consent-journey";
import {
  INTERVIEW_STUDY,
  WORKSHOPS,
  aPerson,
  emailsTo,
  uniqueEmail,
  untilInteractive,
  waitForEmailsTo,
} from "./registration-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";

const SHEET = { version: "0.1", date: "26 November 2026" };
const ETHICS = "Imperial College Research Ethics Committee, reference 20IC6786";
const statements = consentStatements();
const optionalAnswers = ["Yes", "No"]; // what answerConsentForm gives the two optional statements, in order

/** Every error the form shows when nothing is answered, in the order of the summary. */
const everyError = [
  ...statements.map((s) =>
    s.required
      ? `Agree to statement ${s.position} to take part, or choose not to take part`
      : `Choose yes or no for statement ${s.position}`,
  ),
  "Type your full name to sign the form",
];

const today = () =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date());

async function expectPdf(bytes: Buffer, minimumSize: number): Promise<void> {
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(minimumSize);
}

/** The consent page of a link that works: the study, the approval and the documents it refers to. */
async function expectConsentPage(page: Page, fullName: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(INTERVIEW_STUDY);
  await expect(summaryValue(page, "Participant")).toHaveText(fullName);
  await expect(summaryValue(page, "Ethical approval")).toHaveText(ETHICS);
  await expect(summaryValue(page, "Participant information sheet")).toContainText(
    `Version ${SHEET.version}, dated ${SHEET.date}.`,
  );
  await expect(page.getByRole("heading", { name: "Please agree to each statement" })).toBeVisible();
}

/** The review before signing lists every statement, word for word, with the answer given. */
async function expectReview(page: Page, signedName: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Check your answers before you sign" })).toBeVisible();
  const optional = [...optionalAnswers];
  for (const s of statements) {
    const row = summaryValue(page, `Statement ${s.position}`);
    await expect(row).toContainText(s.text);
    await expect(row.locator("strong")).toHaveText(s.required ? "Agreed" : optional.shift()!);
  }
  await expect(summaryValue(page, "Signed (typed name)")).toHaveText(signedName);
  await expect(summaryValue(page, "Date")).toHaveText(today());
}

/** The team's notification of this person's signature (the team's mailbox is shared by every test). */
async function teamNotificationsAbout(request: APIRequestContext, fullName: string) {
  return (await emailsTo(request, STUDY_TEAM)).filter(
    (m) => m.subject === `Consent form signed: ${INTERVIEW_STUDY}` && m.text.includes(fullName),
  );
}

// --- The information sheet ----------------------------------------------------------------------------

test("the information sheet shows its version, date, contact and ethics approval, and downloads as a PDF @phone", async ({
  page,
}) => {
  await page.goto("/studies/interview-study/information-sheet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(INTERVIEW_STUDY);
  await expect(summaryValue(page, "Version")).toHaveText(`${SHEET.version}, dated ${SHEET.date}`);
  await expect(summaryValue(page, "Ethical approval")).toHaveText(ETHICS);
  await expect(summaryValue(page, "Questions").getByRole("link")).toHaveText(`Mark Skopec, ${STUDY_TEAM}`);
  await expect(summaryValue(page, "Questions").getByRole("link")).toHaveAttribute("href", `mailto:${STUDY_TEAM}`);
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  const href = await page.getByRole("link", { name: "Download this information sheet as a PDF" }).getAttribute("href");
  expect(href).toBe(`/studies/interview-study/information-sheet/${SHEET.version}/pdf`);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectPdf(await pdf.body(), 1_000);

  // The version the consent form links to is the same sheet.
  await page.goto(`/studies/interview-study/information-sheet/${SHEET.version}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(INTERVIEW_STUDY);
  await expect(summaryValue(page, "Version")).toHaveText(`${SHEET.version}, dated ${SHEET.date}`);
});

test("an information sheet version that does not exist is a 404, as a page and as a PDF", async ({
  page,
  pageErrors,
}) => {
  const response = await page.goto("/studies/interview-study/information-sheet/9.9");
  expect(response?.status()).toBe(404);
  // Chromium logs the 404 of the page itself as a console error; that one is expected here.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 404/.test(e)));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAccessibilityViolations(page);
  expect((await page.request.get("/studies/interview-study/information-sheet/9.9/pdf")).status()).toBe(404);
});

// --- Signing ---------------------------------------------------------------------------------------------

test.describe("on a 360 px wide screen", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a person follows the invitation, signs with the keyboard, and gets the signed form by download and email", async ({
    browser,
    page,
    request,
    portalDb,
  }) => {
    test.setTimeout(120_000);
    const checkPage = async () => {
      await expectNoAccessibilityViolations(page);
      await expectNoHorizontalScroll(page);
    };
    const { person, invitation, consentUrl, manageUrl } = await anInvitedPerson(
      browser,
      request,
      portalDb,
      "Grace Hopper",
    );

    expect(invitation.subject).toBe(`You are invited to take part: ${INTERVIEW_STUDY}`);
    expect(invitation.text).toContain(`Dear ${person.fullName},`);
    expect(invitation.text).toContain(`participant information sheet (version ${SHEET.version}, ${SHEET.date})`);
    expect(invitation.text).toContain(
      `Participant information sheet: ${baseURL}/studies/interview-study/information-sheet`,
    );
    expect(invitation.text).toContain(`Consent form: ${consentUrl}`);
    expect(invitation.text).toContain(`Manage your participation: ${manageUrl}`);
    expect(invitation.html).toContain(`href="${consentUrl}"`);

    await page.goto(consentUrl);
    await untilInteractive(page);
    await expectConsentPage(page, person.fullName);
    await expect(page.getByRole("link", { name: "Read the information sheet (opens in a new tab)" })).toHaveAttribute(
      "href",
      `/studies/interview-study/information-sheet/${SHEET.version}`,
    );
    await checkPage();

    await pressButton(page, "Continue");
    const summary = page.locator("#error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(everyError);
    await checkPage();

    const optional = [...optionalAnswers];
    for (const s of statements) {
      const group = statementGroup(page, s);
      if (s.required) await tickWithKeyboard(page, group.getByRole("checkbox", { name: "I agree", exact: true }));
      else await chooseWithKeyboard(page, group, optional.shift()!);
    }
    const name = page.getByLabel("Type your full name");
    await tabTo(page, name);
    await page.keyboard.type(person.fullName);
    await expect(name).toHaveValue(person.fullName);
    await pressButton(page, "Continue");

    await expect(page.getByRole("heading", { name: "Check your answers before you sign" })).toBeFocused();
    await expectReview(page, person.fullName);
    await checkPage();
    await pressButton(page, "Confirm and sign");

    const recordId = await expectSigned(page);
    await expect(page.getByRole("heading", { level: 1, name: "Manage your participation" })).toBeVisible();
    const interview = studyCard(page, INTERVIEW_STUDY);
    await expect(interview).toContainText("Consent given");
    await expect(summaryValue(page, `Consent form version ${SHEET.version}`)).toContainText(`on ${today()}`);
    await expect(studyCard(page, WORKSHOPS)).toContainText(
      "RegisteredThe study team will contact you if you are invited to take part.",
    );
    await checkPage();

    const downloadLink = interview.getByRole("link", { name: "Download your signed form (PDF)" });
    await expect(downloadLink).toHaveAttribute("href", new RegExp(`/consent-records/${recordId}$`));
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    expect(download.suggestedFilename()).toBe("signed-consent-form.pdf");
    await expectPdf(await readFile((await download.path())!), 2_000);
    const served = await page.request.get((await downloadLink.getAttribute("href"))!);
    expect(served.headers()["content-type"]).toBe("application/pdf");

    const confirmation = await waitForEmail(request, person.email, "Your signed consent form");
    expect(confirmation.subject).toBe(`Your signed consent form: ${INTERVIEW_STUDY}`);
    expect(confirmation.text).toContain(`Dear ${person.fullName},`);
    expect(confirmation.text).toMatch(/SHA-256 fingerprint: [0-9a-f]{64}\b/);
    linkIn(confirmation, "manage");
    expect(confirmation.attachments).toEqual([
      { filename: "consent-form-interview-study.pdf", contentType: "application/pdf", size: expect.any(Number) },
    ]);
    const attachment = await request.get(
      `http://127.0.0.1:${mailCatcherWebPort}/messages/${confirmation.id}/attachments/0`,
    );
    await expectPdf(await attachment.body(), 2_000);

    const team = await waitForEmail(request, STUDY_TEAM, `Consent form signed: ${INTERVIEW_STUDY}`, person.fullName);
    expect(team.text).toContain(`${person.fullName} signed the consent form for ${INTERVIEW_STUDY} on ${today()}.`);
    const [quotations, futureContact] = statements.filter((s) => !s.required);
    expect(team.text).toContain(`${quotations!.text}: Yes`);
    expect(team.text).toContain(`${futureContact!.text}: No`);
  });
});

test("ticking a statement after the errors are shown leaves the keyboard focus on it", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  const { consentUrl } = await anInvitedPerson(browser, request, portalDb, "Alan Turing");
  await page.goto(consentUrl);
  await untilInteractive(page);
  await pressButton(page, "Continue");
  await expect(page.locator("#error-summary")).toBeFocused();

  // Once the form has checked the answer again (its error is gone), the focus must still be where it was.
  const first = statementGroup(page, statements[0]!);
  await tickWithKeyboard(page, first.getByRole("checkbox", { name: "I agree", exact: true }));
  await expect(first).not.toContainText(everyError[0]!);
  await expect(first.getByRole("checkbox"), "the focus stays on the statement just ticked").toBeFocused();

  const name = page.getByLabel("Type your full name");
  await tabTo(page, name);
  await page.keyboard.type("A");
  await expect(page.locator("#error-summary")).not.toContainText("Type your full name to sign the form");
  await expect(name, "the focus stays in the name being typed").toBeFocused();
  await page.keyboard.type("lan");
  await expect(name).toHaveValue("Alan");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person signs after the server points out what is missing, and reviews before signing", async ({
    browser,
    page,
    request,
    portalDb,
  }) => {
    test.setTimeout(90_000);
    const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Mary Seacole");
    await page.goto(consentUrl);
    await expectConsentPage(page, person.fullName);

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText(everyError);
    await expect(statementGroup(page, statements[0]!)).toContainText(everyError[0]!);
    await expect(page).toHaveURL(consentUrl);
    await expectNoAccessibilityViolationsWithoutJavaScript(page);

    // Only the optional statements left unanswered: they are pointed out, and the ticks are kept.
    for (const s of statements.filter((s) => s.required)) await statementGroup(page, s).getByRole("checkbox").check();
    await page.getByLabel("Type your full name").fill(person.fullName);
    await page.getByRole("button", { name: "Continue" }).click();
    const optional = statements.filter((s) => !s.required);
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText(
      optional.map((s) => `Choose yes or no for statement ${s.position}`),
    );
    for (const s of statements.filter((s) => s.required))
      await expect(statementGroup(page, s).getByRole("checkbox")).toBeChecked();
    await expect(page.getByLabel("Type your full name")).toHaveValue(person.fullName);

    await answerConsentForm(page, person.fullName);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectReview(page, person.fullName);
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    await page.getByRole("button", { name: "Confirm and sign" }).click();

    await expectSigned(page);
    await expect(studyCard(page, INTERVIEW_STUDY)).toContainText("Consent given");
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    const confirmation = await waitForEmail(request, person.email, "Your signed consent form");
    expect(confirmation.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    await waitForEmail(request, STUDY_TEAM, `Consent form signed: ${INTERVIEW_STUDY}`, person.fullName);
  });

  test("signing posted again, as a replay, signs nothing more and tells no one again", async ({
    browser,
    page,
    request,
    portalDb,
  }) => {
    test.setTimeout(90_000);
    const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Florence Nightingale");
    await page.goto(consentUrl);
    await answerConsentForm(page, person.fullName);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectReview(page, person.fullName);
    const signing = { ...(await formFields(page)), step: "sign" };
    await page.getByRole("button", { name: "Confirm and sign" }).click();
    await expectSigned(page);

    const replay = await page.request.post(consentUrl, { multipart: signing, headers: { origin: baseURL } });
    expect(replay.status()).toBeLessThan(500);
    const replayed = await replay.text();
    expect(replayed).toContain("This link does not work");
    expect(replayed).not.toContain("Consent form signed");
    expect(
      await portalDb.consentRecord.count({
        where: { participation: { volunteer: { emailNormalised: person.email.toLowerCase() } } },
      }),
    ).toBe(1);

    // Emails go out in the order they were queued: once a later registration's email has arrived, a
    // second notification caused by the replay would have arrived before it.
    await waitForEmail(request, STUDY_TEAM, `Consent form signed: ${INTERVIEW_STUDY}`, person.fullName);
    const later = aPerson({ email: uniqueEmail("ada.after.replay") });
    await registerElsewhere(browser, later);
    await waitForEmailsTo(request, later.email);
    expect(await teamNotificationsAbout(request, person.fullName)).toHaveLength(1);
    expect(
      (await emailsTo(request, person.email)).filter((m) => m.subject.startsWith("Your signed consent form")),
    ).toHaveLength(1);
  });

  test("a signature posted with a statement the form does not have is refused, and the link still works", async ({
    browser,
    page,
    request,
    portalDb,
  }) => {
    test.setTimeout(90_000);
    const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Edith Cavell");
    await page.goto(consentUrl);
    await answerConsentForm(page, person.fullName);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectReview(page, person.fullName);
    await page.locator("main form").evaluate((form, field) => {
      const input = Object.assign(document.createElement("input"), { type: "hidden", name: field, value: "yes" });
      form.append(input);
    }, `statement-${randomUUID()}`);
    await page.getByRole("button", { name: "Confirm and sign" }).click();

    await expect(page.locator("#error-summary")).toContainText(
      "The answers sent do not match this consent form, so nothing was signed. Please go back to the form and try again.",
    );
    await expect(page).toHaveURL(consentUrl);
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
    expect(
      await portalDb.consentRecord.count({
        where: { participation: { volunteer: { emailNormalised: person.email.toLowerCase() } } },
      }),
    ).toBe(0);

    await page.goto(consentUrl);
    await expectConsentPage(page, person.fullName);
    await signConsentForm(page, person.fullName);
  });
});

test("opening the link changes nothing; once signed, it no longer works and shows no one's details", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(90_000);
  const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Mary Anning");
  // As an email security scanner would, then as the person would.
  for (let opened = 0; opened < 2; opened++) expect((await request.get(consentUrl)).status()).toBe(200);
  await page.goto(consentUrl);
  await expectConsentPage(page, person.fullName);
  await expectNoAccessibilityViolations(page);
  await untilInteractive(page);
  await signConsentForm(page, person.fullName);

  await page.goto(consentUrl);
  await expectInvalidLink(page, person);
  await expect(page.getByRole("main")).not.toContainText(INTERVIEW_STUDY);
  await expectNoAccessibilityViolations(page);
});

// --- Links that do not work ------------------------------------------------------------------------------

test("an unknown consent or manage link says the link does not work and shows nothing else @phone", async ({
  page,
}) => {
  for (const path of [
    `/consent/${randomBytes(32).toString("base64url")}`,
    "/consent/not-a-token",
    `/manage/${randomBytes(32).toString("base64url")}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectInvalidLink(page);
    await expect(page.getByRole("main").locator("form")).toHaveCount(0);
    await expect(page.getByRole("main").locator("dl")).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await expectNoHorizontalScroll(page);
  }
});

// --- Not signing -------------------------------------------------------------------------------------------

test("a person who does not want to take part says so, is told it is recorded, and the link stops working", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(90_000);
  const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Dorothy Hodgkin");
  await page.goto(consentUrl);
  await page.getByRole("link", { name: "I do not want to take part" }).click();

  await expect(page).toHaveURL(`${consentUrl}/decline`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you do not want to take part?");
  await expect(page).toHaveTitle(/^Not taking part – /);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Yes, I do not want to take part" }).click();

  await expect(page).toHaveURL(/\/manage\/[A-Za-z0-9_-]{43}\?declined=1$/);
  await expectManagePage(page, "You have chosen not to take part");
  await expect(studyCard(page, INTERVIEW_STUDY)).toContainText("Not taking partYou chose not to take part.");
  await expectNoAccessibilityViolations(page);

  const email = await waitForEmail(request, person.email, "You have chosen not to take part");
  expect(email.subject).toBe(`You have chosen not to take part: ${INTERVIEW_STUDY}`);
  expect(email.text).toContain(`You told us you do not want to take part in ${INTERVIEW_STUDY}.`);
  await page.goto(consentUrl);
  await expectInvalidLink(page, person);
});

test("a person asks to speak to the team first: the team gets the message as text, and the link keeps working", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(90_000);
  const { person, consentUrl } = await anInvitedPerson(browser, request, portalDb, "Ida Scudder");
  await page.goto(consentUrl);
  await page.getByRole("link", { name: "I would like to speak to the study team first" }).click();

  await expect(page).toHaveURL(`${consentUrl}/questions`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Speak to the study team first");
  await expect(page).toHaveTitle(/^Speak to the study team – /);
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  const message = "Is the interview <b>recorded</b>?";
  await page.getByLabel("What would you like to ask or talk about? (optional)").fill(message);
  await page.getByRole("button", { name: "Ask the team to contact me" }).click();
  await expect(page.getByRole("heading", { name: "We have told the study team" })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const email = await waitForEmail(
    request,
    STUDY_TEAM,
    `Request to speak to the team: ${INTERVIEW_STUDY}`,
    person.email,
  );
  expect(email.text).toContain(person.fullName);
  expect(email.text).toContain(message);
  expect(email.html).toContain("Is the interview &lt;b&gt;recorded&lt;/b&gt;?");
  expect(email.html).not.toContain("<b>");

  await page.goto(consentUrl);
  await expectConsentPage(page, person.fullName);
});

// --- Managing and withdrawing --------------------------------------------------------------------------------

test("a person withdraws from one study with a reason; the other study and its link are unaffected", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(90_000);
  const { person, consentUrl, manageUrl } = await anInvitedPerson(browser, request, portalDb, "Rosalind Franklin");
  await invite(portalDb, person.email, "workshops");
  const workshopsConsentUrl = linkIn(
    await waitForEmail(request, person.email, `You are invited to take part: ${WORKSHOPS}`),
    "consent",
  );

  await page.goto(manageUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage your participation");
  await expectNoAccessibilityViolations(page);

  // Nothing chosen: each question is pointed out.
  await page.getByRole("link", { name: "Withdraw from all studies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw from all studies");
  await expect(page).toHaveTitle(/^Withdraw from the research – /);
  await untilInteractive(page);
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.locator("#error-summary").getByRole("link")).toHaveText([
    "Choose what should happen to the information you have already given",
  ]);
  await expectNoAccessibilityViolations(page);
  await page.goto(`${manageUrl}/withdraw`);
  await expect(page.getByRole("group", { name: "Which study do you want to withdraw from?" })).toBeVisible();
  await untilInteractive(page);
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.locator("#error-summary").getByRole("link")).toHaveText([
    "Choose which study to withdraw from",
    "Choose what should happen to the information you have already given",
  ]);
  await expectNoAccessibilityViolations(page);

  await page.goto(manageUrl);
  await withdrawLink(studyCard(page, WORKSHOPS)).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Withdraw from ${WORKSHOPS}`);
  await expect(page).toHaveTitle(/^Withdraw from the research – /);
  await untilInteractive(page);
  await expectNoAccessibilityViolations(page);
  await page
    .getByRole("group", { name: "What should happen to the information you have already given?" })
    .getByRole("radio", { name: "Remove it where this is still possible" })
    .check();
  await page.getByLabel("Would you like to tell us why? (optional)").fill("I have changed jobs");
  await page.getByRole("button", { name: "Withdraw" }).click();

  await expect(page).toHaveURL(`${manageUrl}?withdrawn=1`);
  await expectManagePage(page, "You have withdrawn");
  await expect(studyCard(page, WORKSHOPS)).toContainText(`Withdrawn on ${today()}`);
  await expect(withdrawLink(studyCard(page, WORKSHOPS))).toHaveCount(0);
  await expect(studyCard(page, INTERVIEW_STUDY)).toContainText("InvitedPlease read the information sheet and decide.");
  await expect(withdrawLink(studyCard(page, INTERVIEW_STUDY))).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const email = await waitForEmail(request, person.email, "You have withdrawn");
  expect(email.subject).toBe(`You have withdrawn: ${WORKSHOPS}`);
  expect(email.text).toContain("You asked us to remove your information.");
  expect(email.text).not.toContain(INTERVIEW_STUDY);
  const team = await waitForEmail(request, STUDY_TEAM, `Withdrawal: ${WORKSHOPS}`, person.fullName);
  expect(team.text).toContain("I have changed jobs");

  await page.goto(workshopsConsentUrl);
  await expectInvalidLink(page, person);
  await page.goto(consentUrl);
  await expectConsentPage(page, person.fullName);
});

test("a person withdraws from every study at once, and the invitation's consent link stops working", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(90_000);
  const { person, consentUrl, manageUrl } = await anInvitedPerson(browser, request, portalDb, "Elizabeth Garrett");
  await page.goto(manageUrl);
  await page.getByRole("link", { name: "Withdraw from all studies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw from all studies");
  await expect(page.getByRole("group", { name: "Which study do you want to withdraw from?" })).toHaveCount(0);
  await untilInteractive(page);
  await page.getByRole("radio", { name: "You can keep and use it" }).check();
  await page.getByRole("button", { name: "Withdraw" }).click();

  await expectManagePage(page, "You have withdrawn");
  for (const title of [INTERVIEW_STUDY, WORKSHOPS])
    await expect(studyCard(page, title)).toContainText(`Withdrawn on ${today()}`);
  await expect(page.getByRole("main").getByRole("link", { name: /^Withdraw/ })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  const email = await waitForEmail(request, person.email, "You have withdrawn");
  expect(email.subject).toBe(`You have withdrawn: ${INTERVIEW_STUDY} and ${WORKSHOPS}`);
  expect(email.text).toContain("You asked us to keep your information.");
  await page.goto(consentUrl);
  await expectInvalidLink(page, person);
});

test("one person's manage link cannot download another person's signed form", async ({
  browser,
  page,
  request,
  portalDb,
}) => {
  test.setTimeout(120_000);
  const a = await anInvitedPerson(browser, request, portalDb, "Ada Lovelace");
  await page.goto(a.consentUrl);
  const recordOfA = await signConsentForm(page, a.person.fullName);
  const b = await anInvitedPerson(browser, request, portalDb, "Mary Somerville");
  await page.goto(b.consentUrl);
  const recordOfB = await signConsentForm(page, b.person.fullName);

  const own = await request.get(`${a.manageUrl}/consent-records/${recordOfA}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  const someoneElses = await request.get(`${a.manageUrl}/consent-records/${recordOfB}`);
  expect(someoneElses.status()).toBe(404);
  expect((await someoneElses.body()).subarray(0, 4).toString("latin1")).not.toBe("%PDF");
  expect((await request.get(`${b.manageUrl}/consent-records/${recordOfA}`)).status()).toBe(404);
  expect((await request.get(`${b.manageUrl}/consent-records/${recordOfB}`)).status()).toBe(200);
});
