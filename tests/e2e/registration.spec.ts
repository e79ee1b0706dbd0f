import http from "node:http";
import type { APIResponse, Locator, Page } from "@playwright/test";
import {
  INTERVIEW_STUDY,
  WORKSHOPS,
  aPerson,
  answerEverything,
  answerTo,
  choose,
  continueToNextStep,
  emailsTo,
  expectStep,
  fillAboutYou,
  fillInternationalExperience,
  fillTakingPart,
  fillYourWork,
  outcomeFor,
  question,
  register,
  sendRegistration,
  startRegistration,
  uniqueEmail,
  untilInteractive,
  waitForEmailsTo,
} from "./registration-journey";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll, test } from "./support";

const SUBJECT = "Your interest in the bi-directional learning research";

// --- Keyboard only -------------------------------------------------------------------------------------

/** Presses Tab (only Tab) until the keyboard focus is on, or inside, the target. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el.contains(document.activeElement))) return;
    await page.keyboard.press("Tab");
  }
  expect(false, `the Tab key never reached ${target.toString()}`).toBe(true);
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/**
 * Radios are one Tab stop per question; the arrow keys move between the answers (and select them, as in
 * every browser), and Space selects the one that has focus, which is how a keyboard user picks the first.
 */
async function chooseWithKeyboard(page: Page, legend: string, label: string): Promise<void> {
  const group = question(page, legend);
  const answer = group.getByRole("radio", { name: label, exact: true });
  await tabTo(page, group);
  for (let presses = 0; presses < 12 && !(await answer.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Space");
  await expect(answer).toBeFocused();
  await expect(answer).toBeChecked();
}

async function tickWithKeyboard(page: Page, label: string): Promise<void> {
  const box = page.getByRole("checkbox", { name: label, exact: true });
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
}

async function pressButton(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

test.describe("on a 360 px wide screen", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a person registers with the keyboard alone, and every page passes the accessibility checks", async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const person = aPerson({ fullName: "Grace Hopper", email: uniqueEmail("grace.keyboard") });
    let checking = 0;
    const checkPage = async () => {
      const began = Date.now();
      await expectNoAccessibilityViolations(page);
      await expectNoHorizontalScroll(page);
      checking += Date.now() - began;
    };

    await page.goto("/register");
    await untilInteractive(page);
    const began = Date.now();
    await checkPage();
    await pressButton(page, "Start now");

    await expectStep(page, "/register/about-you", "About you");
    await checkPage();
    await typeInto(page, "Full name", person.fullName);
    await typeInto(page, "Email address", person.email);
    await typeInto(page, "Phone number (optional)", person.phone ?? "");
    await pressButton(page, "Continue");

    await expectStep(page, "/register/your-work", "Your work");
    await checkPage();
    await chooseWithKeyboard(page, "Do you work in the NHS now?", "Yes");
    await typeInto(page, "Which NHS trust or organisation do you work for?", person.employer ?? "");
    await chooseWithKeyboard(page, "Which staff group are you in?", person.staffGroup);
    await typeInto(page, "What is your role or job title?", person.jobTitle);
    await chooseWithKeyboard(page, "Which region do you work in?", person.region);
    await pressButton(page, "Continue");

    await expectStep(page, "/register/international-experience", "Your international experience");
    // With JavaScript the partnership questions wait until someone says they took part.
    await expect(page.getByLabel("Name of the partnership")).toHaveCount(0);
    await checkPage();
    await chooseWithKeyboard(
      page,
      "Have you taken part in a THET-funded international health partnership?",
      person.ihpParticipation,
    );
    await typeInto(page, "Name of the partnership", person.partnershipName ?? "");
    await typeInto(page, "Country of the partner institution", person.partnershipCountry ?? "");
    await typeInto(page, "Years you took part (optional)", person.partnershipYears ?? "");
    await chooseWithKeyboard(page, "Have you done other international volunteering?", person.otherVolunteering);
    await chooseWithKeyboard(
      page,
      "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
      person.introducedLearning,
    );
    await typeInto(page, "Briefly, what did you introduce? (optional)", person.learningDescription ?? "");
    await pressButton(page, "Continue");

    await expectStep(page, "/register/taking-part", "Taking part");
    await checkPage();
    await tickWithKeyboard(page, INTERVIEW_STUDY);
    await tickWithKeyboard(page, WORKSHOPS);
    await chooseWithKeyboard(page, "How would you like to attend a workshop?", person.workshopFormat ?? "");
    await chooseWithKeyboard(page, "Where could you attend a workshop in person?", person.workshopRegion ?? "");
    await chooseWithKeyboard(page, "How did you hear about the research?", person.heardFrom);
    await tickWithKeyboard(page, "I agree that the study team may contact me about the studies I have chosen");
    await tickWithKeyboard(page, "I have read the privacy notice");
    await checkPage();
    await pressButton(page, "Continue");

    await expect(page).toHaveURL(/\/register\/check-answers$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before registering");
    await expect(answerTo(page, "Full name")).toHaveText(person.fullName);
    await expect(answerTo(page, "Email address")).toHaveText(person.email);
    await expect(answerTo(page, "Staff group")).toHaveText(person.staffGroup);
    await expect(answerTo(page, "Partnership")).toHaveText(person.partnershipName ?? "");
    await expect(answerTo(page, "Region for an in-person workshop")).toHaveText(person.workshopRegion ?? "");
    await checkPage();
    await pressButton(page, "Register");

    await expect(page).toHaveURL(/\/register\/confirmation$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete");
    await expect(outcomeFor(page, INTERVIEW_STUDY)).toContainText("You can take part");
    await expect(outcomeFor(page, WORKSHOPS)).toContainText("You can take part");
    const seconds = (Date.now() - began - checking) / 1000;
    await checkPage();

    testInfo.annotations.push({
      type: "keyboard journey",
      description: `${seconds.toFixed(1)} s, not counting the accessibility checks`,
    });
    console.log(`The keyboard-only journey took ${seconds.toFixed(1)} s (not counting the accessibility checks).`);
    expect(seconds, "the journey takes under two minutes").toBeLessThan(120);

    const [email] = await waitForEmailsTo(request, person.email);
    expect(email?.subject).toBe(SUBJECT);
    expect(email?.text).toContain(`Dear ${person.fullName},`);
    expect(email?.text).toContain(INTERVIEW_STUDY);
    expect(email?.text).toContain(WORKSHOPS);
    expect(email?.html).toContain('lang="en-GB"');
    expect(email?.html).not.toMatch(/<img\b/i);
    expect(email?.html).not.toMatch(/<script\b/i);
  });
});

// --- Error messages, with JavaScript ---------------------------------------------------------------------

test("an empty first step focuses the error summary, says Error in the title, and its links lead to the fields", async ({
  page,
}) => {
  await startRegistration(page);
  await continueToNextStep(page);

  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("There is a problem");
  await expect(page).toHaveTitle(/^Error: About you – /);
  await expect(page).toHaveURL(/\/register\/about-you$/);
  await expect(page.locator("#fullName-error")).toContainText("Enter your full name");
  await expect(page.locator("#email-error")).toContainText("Enter your email address");
  await expectNoAccessibilityViolations(page);

  await summary.getByRole("link", { name: "Enter your email address" }).click();
  await expect(page.getByLabel("Email address")).toBeFocused();
  await summary.getByRole("link", { name: "Enter your full name" }).click();
  await expect(page.getByLabel("Full name")).toBeFocused();
});

test("an email address without an @ is refused, and the name already typed stays filled in", async ({ page }) => {
  await startRegistration(page);
  await fillAboutYou(page, { fullName: "Ada Lovelace", email: "ada.nhs.net" });
  await continueToNextStep(page);

  const message = "Enter an email address in the correct format, like name@example.com";
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(page.locator("#error-summary").getByRole("link", { name: message })).toHaveAttribute("href", "#email");
  await expect(page.locator("#email-error")).toContainText(message);
  await expect(page.locator("#fullName-error")).toHaveCount(0);
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Email address")).toHaveValue("ada.nhs.net");
  await expect(page).toHaveURL(/\/register\/about-you$/);
});

test("saying 'No, never' after naming a partnership is pointed out, and deleting the name fixes it", async ({
  page,
}) => {
  const person = aPerson();
  await startRegistration(page);
  await fillAboutYou(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/your-work", "Your work");
  await fillYourWork(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/international-experience", "Your international experience");

  const partnership = page.getByLabel("Name of the partnership");
  await expect(partnership).toHaveCount(0);
  await choose(
    page,
    "Have you taken part in a THET-funded international health partnership?",
    "Yes, I have taken part in the past",
  );
  await partnership.fill("Leeds–Kampala Nursing Partnership");
  await choose(page, "Have you taken part in a THET-funded international health partnership?", "No, never");
  await expect(partnership).toHaveCount(0);
  await choose(page, "Have you done other international volunteering?", "No, never");
  await choose(
    page,
    "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
    "Yes",
  );
  await continueToNextStep(page);

  const contradiction =
    "You said you have never taken part in a THET-funded partnership. Delete the partnership name, or change your answer";
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(page.locator("#error-summary").getByRole("link", { name: contradiction })).toHaveAttribute(
    "href",
    "#partnershipName",
  );
  await expect(page.locator("#partnershipName-error")).toContainText(contradiction);
  await expect(page).toHaveTitle(/^Error: /);
  // The person must be able to see what to delete, and deleting it must be enough.
  await expect(partnership).toHaveValue("Leeds–Kampala Nursing Partnership");
  await partnership.fill("");
  await continueToNextStep(page);
  await expectStep(page, "/register/taking-part", "Taking part");
});

test("the taking-part step asks for both agreements when they are not ticked", async ({ page }) => {
  const person = aPerson();
  await startRegistration(page);
  await fillAboutYou(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/your-work", "Your work");
  await fillYourWork(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/international-experience", "Your international experience");
  await fillInternationalExperience(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/taking-part", "Taking part");
  await fillTakingPart(page, person, false);
  await continueToNextStep(page);

  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Confirm that the study team may contact you about the studies you chose",
    "Confirm that you have read the privacy notice",
  ]);
  await expect(summary.getByRole("link", { name: "Confirm that you have read the privacy notice" })).toHaveAttribute(
    "href",
    "#privacyAcknowledged",
  );
  await expect(page.locator("#contactConsent-error")).toContainText(
    "Confirm that the study team may contact you about the studies you chose",
  );
  await expect(page.locator("#privacyAcknowledged-error")).toContainText(
    "Confirm that you have read the privacy notice",
  );
  await expect(page).toHaveURL(/\/register\/taking-part$/);
  await expectNoAccessibilityViolations(page);
});

// --- Changing an answer, and who can take part in what ----------------------------------------------------

test("'Change' on check your answers leads to the email question and back, and the email goes to the new address", async ({
  page,
  request,
}) => {
  const person = aPerson();
  const newEmail = uniqueEmail("ada.changed");
  await answerEverything(page, person);
  await expect(answerTo(page, "Email address")).toHaveText(person.email);

  await page.getByRole("link", { name: "Change email address" }).click();
  await expectStep(page, "/register/about-you?change=1#email", "About you");
  await expect(page.getByLabel("Email address")).toHaveValue(person.email);
  await expect(page.getByLabel("Full name")).toHaveValue(person.fullName);
  await page.getByLabel("Email address").fill(newEmail);
  await continueToNextStep(page);

  await expectStep(page, "/register/check-answers", "Check your answers before registering");
  await expect(answerTo(page, "Email address")).toHaveText(newEmail);
  await expect(answerTo(page, "Full name")).toHaveText(person.fullName);
  await sendRegistration(page);
  const [email] = await waitForEmailsTo(request, newEmail);
  expect(email?.subject).toBe(SUBJECT);
});

test("someone who took part in other volunteering but no THET partnership can join the workshops only, and is told why", async ({
  page,
  request,
}) => {
  const person = aPerson({ ihpParticipation: "No, never", otherVolunteering: "Yes, I have taken part in the past" });
  await register(page, person);

  await expect(outcomeFor(page, WORKSHOPS)).toContainText("You can take part");
  await expect(outcomeFor(page, WORKSHOPS)).not.toContainText("You cannot take part");
  const interview = outcomeFor(page, INTERVIEW_STUDY);
  await expect(interview).toContainText("You cannot take part");
  await expect(interview.getByRole("listitem").first()).toContainText(
    "you have not taken part in a THET-funded international health partnership",
  );
  await expect(interview).toContainText("We will not contact you about this study.");
  await expectNoAccessibilityViolations(page);

  const [email] = await waitForEmailsTo(request, person.email);
  expect(email?.text).toContain("You cannot take part in this study, because:");
  expect(email?.text).toContain("you have not taken part in a THET-funded international health partnership");
});

test("a name that looks like HTML is shown and emailed as plain text, never run", async ({ page, request }) => {
  const name = "<script>window.__pwned=1</script> Ada";
  const person = aPerson({ fullName: name });
  await answerEverything(page, person);

  await expect(answerTo(page, "Full name")).toHaveText(name);
  await expect(page.locator("main script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

  await sendRegistration(page);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const [email] = await waitForEmailsTo(request, person.email);
  expect(email?.text).toContain(`Dear ${name},`);
  expect(email?.html).toContain("Dear &lt;script&gt;window.__pwned=1&lt;/script&gt; Ada,");
  expect(email?.html).not.toMatch(/<script\b/i);
});

// --- Bad requests ----------------------------------------------------------------------------------------

async function expectPlainRefusal(response: APIResponse, status: number): Promise<void> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("text/html");
  expect(response.headers()["set-cookie"], "no registration was started").toBeUndefined();
  expect(await response.text()).toContain("Sorry, there is a problem");
}

test("requests that are too large or cannot be read are refused with 4xx, not 500, and start nothing", async ({
  request,
  baseURL,
}) => {
  const tooLarge = await request.post("/register", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `fullName=${"x".repeat(300 * 1024)}`,
  });
  await expectPlainRefusal(tooLarge, 413);

  const brokenMultipart = await request.post("/register", {
    headers: { "content-type": "multipart/form-data; boundary=----portal-test-boundary" },
    data: '------portal-test-boundary\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nAda with no closing boundary',
  });
  await expectPlainRefusal(brokenMultipart, 400);

  // The start page's own action, called the way a script calls it, with arguments that are not JSON.
  const startAction = /name="\$ACTION_ID_(\w+)"/.exec(await (await request.get("/register")).text())?.[1];
  expect(startAction, "the start page's form names its action").toBeTruthy();
  const notJson = await request.post("/register", {
    headers: { "next-action": startAction ?? "", "content-type": "text/plain;charset=UTF-8" },
    data: "this is {not JSON",
  });
  await expectPlainRefusal(notJson, 400);

  // Playwright always sends a Content-Length, so the chunked post is made with Node's own client.
  const chunked = await new Promise<{ status: number; setCookie: unknown }>((resolve, reject) => {
    const post = http.request(
      new URL("/register", baseURL),
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] });
      },
    );
    post.on("error", reject);
    post.write("fullName=Ada");
    post.end("&email=ada%40example.nhs.uk");
  });
  expect(chunked.status, "a body without a length").toBe(411);
  expect(chunked.setCookie).toBeUndefined();

  // And the portal is none the worse for it.
  expect((await request.get("/register")).status()).toBe(200);
});

// --- Pages around the journey ------------------------------------------------------------------------------

test("the rate-limit page says how long to wait and passes the accessibility checks", async ({ page }) => {
  await page.goto("/register/try-again-later?minutes=5");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Please try again in 5 minutes");
  await expect(page.getByRole("main")).toContainText("Come back in 5 minutes to carry on.");
  await expectNoAccessibilityViolations(page);
});

test("a step visited without answers in progress leads back to the start, saying so", async ({ page }) => {
  await page.goto("/register/about-you");
  await expect(page).toHaveURL(/\/register\?expired=1$/);
  await expect(page.getByRole("main")).toContainText("We could not find your answers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register your interest");
  await expectNoAccessibilityViolations(page);
});

// --- Without JavaScript ------------------------------------------------------------------------------------

/**
 * Posts the page's form as the browser would (its hidden fields, the draft cookie), without the browser:
 * for what a browser would never send, and for sending the same form twice at once.
 */
async function postPageForm(page: Page, changes: Record<string, string> = {}): Promise<APIResponse> {
  const fields = await page
    .locator("main form")
    .evaluate((form) =>
      [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const),
    );
  return page.request.post(page.url(), {
    multipart: { ...Object.fromEntries(fields), ...changes },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person registers, after the server points out what is missing on the first step", async ({
    page,
    request,
  }) => {
    const person = aPerson({ fullName: "Mary Seacole", email: uniqueEmail("mary.nojs") });
    await startRegistration(page);

    await continueToNextStep(page);
    const summary = page.locator("#error-summary");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link", { name: "Enter your full name" })).toHaveAttribute("href", "#fullName");
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await expect(page.locator("#fullName-error")).toContainText("Enter your full name");
    await expect(page.locator("#email-error")).toContainText("Enter your email address");
    await expect(page).toHaveTitle(/^About you – Register your interest/);

    await fillAboutYou(page, person);
    await continueToNextStep(page);
    await expectStep(page, "/register/your-work", "Your work");
    await fillYourWork(page, person);
    await continueToNextStep(page);
    await expectStep(page, "/register/international-experience", "Your international experience");
    // Without JavaScript every question shows, with a hint saying when to answer it.
    await expect(page.getByLabel("Name of the partnership")).toBeVisible();
    await fillInternationalExperience(page, person);
    await continueToNextStep(page);
    await expectStep(page, "/register/taking-part", "Taking part");
    await fillTakingPart(page, person);
    await continueToNextStep(page);
    await expectStep(page, "/register/check-answers", "Check your answers before registering");
    await expect(answerTo(page, "Full name")).toHaveText(person.fullName);
    await sendRegistration(page);

    await expect(outcomeFor(page, INTERVIEW_STUDY)).toContainText("You can take part");
    await expect(outcomeFor(page, WORKSHOPS)).toContainText("You can take part");
    const [email] = await waitForEmailsTo(request, person.email);
    expect(email?.subject).toBe(SUBJECT);
    expect(email?.text).toContain(`Dear ${person.fullName},`);
  });

  test("registering again with the same email in another case and with spaces updates the answers and emails again", async ({
    page,
    request,
  }) => {
    const local = `ada.x-${Date.now().toString(36)}`;
    const first = aPerson({ email: `${local}@example.nhs.uk` });
    await register(page, first);
    await expect(outcomeFor(page, INTERVIEW_STUDY)).toContainText("You can take part");
    await waitForEmailsTo(request, first.email);

    // A browser trims an email field itself, so the untrimmed address is posted as a client could send it.
    const again = `  ${local.replace("ada.x", "Ada.X")}@Example.NHS.uk `;
    const second = aPerson({ email: again, introducedLearning: "No", learningDescription: "" });
    await startRegistration(page);
    await fillAboutYou(page, second);
    const saved = await postPageForm(page, { email: again });
    expect(saved.status()).toBe(303);
    expect(saved.headers().location).toBe("/register/your-work");
    await page.goto("/register/your-work");
    await expectStep(page, "/register/your-work", "Your work");
    await fillYourWork(page, second);
    await continueToNextStep(page);
    await expectStep(page, "/register/international-experience", "Your international experience");
    await fillInternationalExperience(page, second);
    await continueToNextStep(page);
    await expectStep(page, "/register/taking-part", "Taking part");
    await fillTakingPart(page, second);
    await continueToNextStep(page);
    await expectStep(page, "/register/check-answers", "Check your answers before registering");
    await expect(answerTo(page, "Email address")).toHaveText(again.trim());
    await sendRegistration(page);

    const interview = outcomeFor(page, INTERVIEW_STUDY);
    await expect(interview).toContainText("You cannot take part");
    await expect(interview.getByRole("listitem").first()).toContainText(
      "opportunity to bring learning from your international placement into the NHS",
    );
    await expect(outcomeFor(page, WORKSHOPS)).toContainText("You can take part");

    const emails = await waitForEmailsTo(request, first.email, 2);
    expect(emails).toHaveLength(2);
    expect(emails[0]?.text).toContain("You cannot take part in this study, because:");
    expect(emails[1]?.text).not.toContain("You cannot take part");
  });

  test("the same registration sent twice at once is stored once and emailed once", async ({ page, request }) => {
    const person = aPerson({ email: uniqueEmail("ada.twice") });
    await answerEverything(page, person);

    const [one, two] = await Promise.all([postPageForm(page), postPageForm(page)]);
    for (const response of [one, two]) {
      expect(response.status()).toBe(303);
      expect(response.headers().location).toBe("/register/confirmation");
    }
    await page.goto("/register/confirmation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete");
    await expect(outcomeFor(page, INTERVIEW_STUDY)).toContainText("You can take part");

    // Emails go out in the order they were queued, so once a later registration's email has arrived,
    // any second email for the first would have arrived before it.
    await waitForEmailsTo(request, person.email);
    const later = aPerson({ email: uniqueEmail("ada.later") });
    await register(page, later);
    await waitForEmailsTo(request, later.email);
    expect(await emailsTo(request, person.email)).toHaveLength(1);
  });

  test("a bot that fills in the hidden field sees the usual confirmation, but nothing is sent", async ({
    page,
    request,
  }) => {
    const bot = aPerson({ fullName: "Spam Bot", email: uniqueEmail("bot") });
    await startRegistration(page);
    await fillAboutYou(page, bot);
    await page.locator("#website").fill("https://spam.example");
    await continueToNextStep(page);
    await expectStep(page, "/register/your-work", "Your work");
    await fillYourWork(page, bot);
    await continueToNextStep(page);
    await expectStep(page, "/register/international-experience", "Your international experience");
    await fillInternationalExperience(page, bot);
    await continueToNextStep(page);
    await expectStep(page, "/register/taking-part", "Taking part");
    await fillTakingPart(page, bot);
    await continueToNextStep(page);
    await expectStep(page, "/register/check-answers", "Check your answers before registering");
    await sendRegistration(page);

    // The portal sends emails in the order they were queued: once a person who registered after the
    // bot has theirs, the bot would have had one too.
    const person = aPerson({ email: uniqueEmail("ada.after.bot") });
    await register(page, person);
    await waitForEmailsTo(request, person.email);
    expect(await emailsTo(request, bot.email)).toEqual([]);
  });
});
