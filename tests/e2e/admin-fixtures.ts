import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import { CURRENT_CALL_QUESTION_SET } from "@/lib/questions/current-call";
import { seedStudies } from "@/lib/seed/study-content";
import { test as portalTest } from "./portal-db";
import { uniqueEmail } from "./registration-journey";
import { expect } from "./support";

export const test = portalTest;

/**
 * Fixtures for the dashboard's end-to-end tests. Tests run in parallel against one portal, so each makes
 * a study of its own (a draft, so it never appears on the public pages other tests read) rather than
 * changing the seeded ones, and people and emails with addresses no other test uses.
 */

export type TestStudy = {
  id: string;
  slug: string;
  title: string;
  shortTitle: string;
  sheetId: string;
  formId: string;
};

export async function aTestStudy(db: Database, kind: "INTERVIEW" | "WORKSHOP" = "INTERVIEW"): Promise<TestStudy> {
  const seed = seedStudies.find((s) => s.kind === kind)!;
  const tag = randomBytes(4).toString("hex");
  const publishedAt = new Date(Date.now() - 60_000);
  const study = await db.study.create({
    data: {
      slug: `e2e-${kind.toLowerCase()}-${tag}`,
      kind,
      title: `Test study ${tag}`,
      shortTitle: `Test ${tag}`,
      summary: seed.summary,
      whatTakingPartInvolves: seed.whatTakingPartInvolves,
      status: "DRAFT",
      targetMin: 12,
      targetMax: 15,
      contactName: "Mark Skopec",
      contactEmail: "mark.skopec17@imperial.ac.uk",
      eligibilityRules: seed.eligibilityRules,
      questionSet: { connect: { slug: CURRENT_CALL_QUESTION_SET.slug } },
      displayOrder: 100,
    },
  });
  const sheet = await db.informationSheet.create({
    data: {
      studyId: study.id,
      version: "1.0",
      versionDate: new Date("2026-11-01T00:00:00Z"),
      title: "Participant information sheet",
      content: "## What is the study?\n\nA test study.",
      publishedAt,
    },
  });
  const form = await db.consentForm.create({
    data: {
      studyId: study.id,
      informationSheetId: sheet.id,
      version: "1.0",
      versionDate: new Date("2026-11-01T00:00:00Z"),
      title: "Consent form",
      statements: {
        create: [
          { position: 1, key: "read-information-sheet", text: "I have read the information sheet.", required: true },
          { position: 2, key: "voluntary", text: "I understand that taking part is voluntary.", required: true },
          { position: 3, key: "quotes", text: "I agree to anonymised quotes being used.", required: false },
        ],
      },
    },
  });
  await db.consentForm.update({ where: { id: form.id }, data: { publishedAt } });
  return {
    id: study.id,
    slug: study.slug,
    title: study.title,
    shortTitle: study.shortTitle,
    sheetId: sheet.id,
    formId: form.id,
  };
}

/** People who signed the study's current form and are taking part, as signing would leave them. */
export async function consentedIn(
  db: Database,
  study: TestStudy,
  count: number,
): Promise<{ email: string; fullName: string }[]> {
  const people = [];
  for (let i = 0; i < count; i++) {
    const email = uniqueEmail("signed");
    const fullName = `Signed Person ${randomBytes(2).toString("hex")}`;
    const volunteer = await db.volunteer.create({ data: { email, emailNormalised: email, fullName } });
    const participation = await db.participation.create({
      data: {
        volunteerId: volunteer.id,
        studyId: study.id,
        eligibility: "ELIGIBLE",
        status: "CONSENTED",
        consentedAt: new Date(),
        invitedAt: new Date(),
      },
    });
    await db.consentRecord.create({
      data: {
        participationId: participation.id,
        consentFormId: study.formId,
        informationSheetId: study.sheetId,
        studyTitle: study.title,
        consentFormVersion: "1.0",
        consentFormVersionDate: new Date("2026-11-01T00:00:00Z"),
        informationSheetVersion: "1.0",
        informationSheetVersionDate: new Date("2026-11-01T00:00:00Z"),
        statements: [
          {
            key: "quotes",
            position: 3,
            text: "I agree to anonymised quotes being used.",
            required: false,
            agreed: true,
          },
        ],
        signedName: fullName,
        signedAt: new Date(),
        contentHash: randomBytes(32).toString("hex"),
      },
    });
    people.push({ email, fullName });
  }
  return people;
}

/** The value beside a key in a summary list. */
export function summaryRow(page: Page, key: string) {
  return page
    .locator(".nhsuk-summary-list__row")
    .filter({ has: page.locator(".nhsuk-summary-list__key").getByText(key, { exact: true }) })
    .locator(".nhsuk-summary-list__value");
}

/** The success banner an action ends with. */
export async function expectSuccess(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.locator(".nhsuk-notification-banner--success .nhsuk-notification-banner__heading")).toHaveText(
    heading,
  );
}

/** The error summary's items, in order. */
export async function expectErrors(page: Page, messages: (string | RegExp)[]): Promise<void> {
  await expect(page.locator(".nhsuk-error-summary__list li")).toHaveText(messages);
}
