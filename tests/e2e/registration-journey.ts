import { randomBytes } from "node:crypto";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { mailCatcherWebPort } from "../playwright.config";
import { expect } from "./support";

/**
 * Small helpers for the "Register your interest" journey: a person's answers, filling each step the way
 * a person would (with a mouse, or without JavaScript), and reading the emails the portal really sent.
 */

export const INTERVIEW_STUDY = "Bi-directional learning from international health partnerships: interview study";
export const WORKSHOPS = "Bi-directional learning from international health partnerships: workshops";

/** Answers, as the words on the page (labels), so the tests read like the form. */
export type Person = {
  fullName: string;
  email: string;
  phone?: string;
  worksInNhsNow: "Yes" | "No";
  employer?: string;
  staffGroup: string;
  jobTitle: string;
  region: string;
  ihpParticipation: "Yes, I am taking part now" | "Yes, I have taken part in the past" | "No, never";
  partnershipName?: string;
  partnershipCountry?: string;
  partnershipYears?: string;
  otherVolunteering: "Yes, I am taking part now" | "Yes, I have taken part in the past" | "No, never";
  introducedLearning: "Yes" | "No";
  learningDescription?: string;
  studies: string[];
  workshopFormat?: "Online" | "In person" | "Either is fine";
  workshopRegion?: string;
  heardFrom: string;
  heardFromOther?: string;
};

/** An address no other test uses: tests run in parallel against one database and one mail catcher. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@example.nhs.uk`;
}

/** Someone who can take part in both studies. */
export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    fullName: "Ada Lovelace",
    email: uniqueEmail("ada"),
    phone: "07700 900 982",
    worksInNhsNow: "Yes",
    employer: "Leeds Teaching Hospitals NHS Trust",
    staffGroup: "Nurse or health visitor",
    jobTitle: "Ward sister",
    region: "North West",
    ihpParticipation: "Yes, I have taken part in the past",
    partnershipName: "Leeds–Kampala Nursing Partnership",
    partnershipCountry: "Uganda",
    partnershipYears: "2018 to 2020",
    otherVolunteering: "No, never",
    introducedLearning: "Yes",
    learningDescription: "Task-sharing on the ward, learnt in Kampala.",
    studies: [INTERVIEW_STUDY, WORKSHOPS],
    workshopFormat: "Either is fine",
    workshopRegion: "London",
    heardFrom: "A colleague",
    ...overrides,
  };
}

/**
 * Waits until the page can be used as its visitor would use it: with JavaScript, once React has hydrated
 * the step's form (before that a click posts the form natively and client-side checks are skipped);
 * without JavaScript, straight away.
 */
export async function untilInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const form = document.querySelector("main form");
    if (!form) return false;
    if (!("__next_f" in window)) return true;
    return Object.keys(form).some((key) => key.startsWith("__reactFiber$"));
  });
}

export function question(page: Page, legend: string): Locator {
  return page.getByRole("group", { name: legend, exact: true });
}

export async function choose(page: Page, legend: string, label: string): Promise<void> {
  await question(page, legend).getByRole("radio", { name: label, exact: true }).check();
}

export async function expectStep(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  await untilInteractive(page);
}

export async function continueToNextStep(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function startRegistration(page: Page): Promise<void> {
  await page.goto("/register");
  await untilInteractive(page);
  await page.getByRole("button", { name: "Start now" }).click();
  await expectStep(page, "/register/about-you", "About you");
}

export async function fillAboutYou(page: Page, person: Pick<Person, "fullName" | "email" | "phone">): Promise<void> {
  await page.getByLabel("Full name").fill(person.fullName);
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Phone number (optional)").fill(person.phone ?? "");
}

export async function fillYourWork(page: Page, person: Person): Promise<void> {
  await choose(page, "Do you work in the NHS now?", person.worksInNhsNow);
  await page.getByLabel("Which NHS trust or organisation do you work for?").fill(person.employer ?? "");
  await choose(page, "Which staff group are you in?", person.staffGroup);
  await page.getByLabel("What is your role or job title?").fill(person.jobTitle);
  await choose(page, "Which region do you work in?", person.region);
}

export async function fillInternationalExperience(page: Page, person: Person): Promise<void> {
  await choose(page, "Have you taken part in a THET-funded international health partnership?", person.ihpParticipation);
  if (person.ihpParticipation !== "No, never") {
    await page.getByLabel("Name of the partnership").fill(person.partnershipName ?? "");
    await page.getByLabel("Country of the partner institution").fill(person.partnershipCountry ?? "");
    await page.getByLabel("Years you took part (optional)").fill(person.partnershipYears ?? "");
  }
  await choose(page, "Have you done other international volunteering?", person.otherVolunteering);
  await choose(
    page,
    "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
    person.introducedLearning,
  );
  await page.getByLabel("Briefly, what did you introduce? (optional)").fill(person.learningDescription ?? "");
}

export async function fillTakingPart(page: Page, person: Person, agree = true): Promise<void> {
  const studies = question(page, "Which studies are you interested in?");
  for (const title of person.studies) await studies.getByRole("checkbox", { name: title, exact: true }).check();
  if (person.studies.includes(WORKSHOPS)) {
    await choose(page, "How would you like to attend a workshop?", person.workshopFormat ?? "Online");
    if (person.workshopFormat !== "Online")
      await choose(page, "Where could you attend a workshop in person?", person.workshopRegion ?? "London");
  }
  await choose(page, "How did you hear about the research?", person.heardFrom);
  if (person.heardFrom === "Somewhere else")
    await page.getByLabel("Where did you hear about it?").fill(person.heardFromOther ?? "");
  if (agree) {
    await page
      .getByRole("checkbox", { name: "I agree that the study team may contact me about the studies I have chosen" })
      .check();
    await page.getByRole("checkbox", { name: "I have read the privacy notice" }).check();
  }
}

/** From the start page to "Check your answers", answering every step for this person. */
export async function answerEverything(page: Page, person: Person): Promise<void> {
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
  await fillTakingPart(page, person);
  await continueToNextStep(page);
  await expectStep(page, "/register/check-answers", "Check your answers before registering");
}

export async function sendRegistration(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/register\/confirmation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete");
}

/** The whole journey for one person, ending on the confirmation page. */
export async function register(page: Page, person: Person): Promise<void> {
  await answerEverything(page, person);
  await sendRegistration(page);
}

/** The answer shown for one question on the check-your-answers page. */
export function answerTo(page: Page, questionText: string): Locator {
  return page
    .locator(".nhsuk-summary-list__row")
    .filter({ has: page.locator(".nhsuk-summary-list__key", { hasText: new RegExp(`^${questionText}$`) }) })
    .locator(".nhsuk-summary-list__value");
}

/** One study's part of the confirmation page. */
export function outcomeFor(page: Page, studyTitle: string): Locator {
  return page.getByRole("region", { name: studyTitle, exact: true });
}

// --- The mail catcher ------------------------------------------------------------------------------------

export type CaughtEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number }[];
};

const mailCatcher = `http://127.0.0.1:${mailCatcherWebPort}`;

/** Emails caught for this address (compared as the portal does: trimmed, any case), newest first. */
export async function emailsTo(request: APIRequestContext, address: string): Promise<CaughtEmail[]> {
  const response = await request.get(`${mailCatcher}/api/messages`);
  expect(response.status(), "the mail catcher's API answers").toBe(200);
  const wanted = address.trim().toLowerCase();
  return ((await response.json()) as CaughtEmail[]).filter((m) =>
    m.to.some((to) => to.trim().toLowerCase() === wanted),
  );
}

/** Polls the mail catcher until at least `count` emails have arrived for this address; returns them. */
export async function waitForEmailsTo(request: APIRequestContext, address: string, count = 1): Promise<CaughtEmail[]> {
  await expect
    .poll(async () => (await emailsTo(request, address)).length, {
      message: `${count} email(s) to ${address}`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(count);
  return emailsTo(request, address);
}
