import { randomBytes, randomUUID } from "node:crypto";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import type { Database } from "@/lib/db/prisma";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema } from "@/lib/registration/schema";
import { validAnswers } from "../support/registration-answers";
import { baseURL } from "../playwright.config";

/**
 * Volunteers for the dashboard's tests, made by the portal's own domain functions against the database
 * of the portal under test (registering and signing through the browser are other specs' subjects).
 */

export type TestVolunteer = {
  volunteerId: string;
  email: string;
  fullName: string;
  interviewId: string;
  workshopsId: string;
};

async function recruitingStudies(db: Database) {
  const studies = await db.study.findMany({
    where: { status: "RECRUITING" },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
    include: {
      consentForms: {
        where: { publishedAt: { not: null } },
        orderBy: { publishedAt: "desc" },
        take: 1,
        include: { informationSheet: true },
      },
    },
  });
  return studies.map((s) => ({
    ...s,
    rules: eligibilityRulesSchema.parse(s.eligibilityRules),
    currentConsentForm: s.consentForms[0] ?? null,
  }));
}

/** Registers someone for both studies (eligible for both unless the answers say otherwise). */
export async function aVolunteer(db: Database, overrides: Record<string, unknown> = {}): Promise<TestVolunteer> {
  const suffix = randomBytes(3).toString("hex");
  const fullName = `Mary Seacole ${suffix}`;
  const email = `mary.seacole.${suffix}@nhs.net`;
  const studies = await recruitingStudies(db);
  const answers = registrationSchema(studies).parse({ ...validAnswers, fullName, email, ...overrides });
  const outcome = await registerInterest(db, {
    answers,
    studies,
    submissionKey: randomUUID(),
    privacyNoticeVersion: "1.0",
    publicUrl: baseURL,
  });
  if (outcome.kind !== "stored") throw new Error("the registration was not stored");
  const participations = await db.participation.findMany({
    where: { volunteerId: outcome.volunteerId },
    include: { study: { select: { slug: true } } },
  });
  const idOf = (slug: string) => participations.find((p) => p.study.slug === slug)!.id;
  return {
    volunteerId: outcome.volunteerId,
    email,
    fullName,
    interviewId: idOf("interview-study"),
    workshopsId: idOf("workshops"),
  };
}

/** Invites them to the interview study and signs its consent form as they would; returns the record's id. */
export async function consentToInterview(db: Database, volunteer: TestVolunteer): Promise<string> {
  await inviteParticipant(db, { participationId: volunteer.interviewId, actor: { type: "SYSTEM" } });
  const email = await db.outgoingEmail.findFirstOrThrow({
    where: { participationId: volunteer.interviewId, template: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  const token = /\/consent\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1]!;
  const invitation = await findConsentInvitation(db, token);
  if (invitation.kind !== "ready") throw new Error(`the invitation is ${invitation.kind}`);
  const values: Record<string, unknown> = { signedName: volunteer.fullName };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
  const signed = await signConsent(db, { token, consentFormId: invitation.form.id, values });
  if (signed.kind !== "signed") throw new Error("the form was not signed");
  return signed.recordId;
}
