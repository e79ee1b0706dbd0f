import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/prisma";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema } from "@/lib/registration/schema";
import { validAnswers } from "../support/registration-answers";
import { baseURL } from "../playwright.config";
import { uniqueName } from "./consent-journey";
import { uniqueEmail } from "./registration-journey";

/**
 * Fixtures for the scheduling journeys. A volunteer is registered, invited and signed up through the real
 * domain functions against the portal's own database, from the test process: those journeys have their
 * own end-to-end tests (registration.spec, consent.spec); these tests are about what the team does next.
 */

export type StudySlug = "interview-study" | "workshops";

export type Volunteer = { id: string; fullName: string; email: string; participations: Record<StudySlug, string> };

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

/** Registers someone for both studies; they sign the consent form of each study in `signed` (and are only invited to those in `invited`). */
export async function aVolunteer(
  db: Database,
  options: { name?: string; signed?: StudySlug[]; invited?: StudySlug[] } = {},
): Promise<Volunteer> {
  const fullName = uniqueName(options.name ?? "Ada Lovelace");
  const email = uniqueEmail(fullName.split(" ")[0]!.toLowerCase());
  const studies = await recruitingStudies(db);
  const answers = registrationSchema(studies.map((s) => ({ slug: s.slug, kind: s.kind }))).parse({
    ...validAnswers,
    fullName,
    email,
  });
  const outcome = await registerInterest(db, {
    answers,
    studies,
    submissionKey: randomUUID(),
    privacyNoticeVersion: "1.0",
    publicUrl: baseURL,
  });
  if (outcome.kind !== "stored") throw new Error("the registration was not stored");
  const rows = await db.participation.findMany({
    where: { volunteerId: outcome.volunteerId },
    include: { study: true },
  });
  const participations = Object.fromEntries(rows.map((p) => [p.study.slug, p.id])) as Record<StudySlug, string>;

  for (const slug of [...(options.signed ?? []), ...(options.invited ?? [])]) {
    await inviteParticipant(db, { participationId: participations[slug], actor: { type: "SYSTEM" } });
    if (!(options.signed ?? []).includes(slug)) continue;
    const invitation = await db.outgoingEmail.findFirstOrThrow({
      where: { participationId: participations[slug], template: "invitation" },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/consent\/([A-Za-z0-9_-]{43})/.exec(invitation.textBody)![1]!;
    const form = await findConsentInvitation(db, token);
    if (form.kind !== "ready") throw new Error(`the consent link is ${form.kind}`);
    const values: Record<string, unknown> = { signedName: fullName };
    for (const s of form.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
    const signed = await signConsent(db, { token, consentFormId: form.form.id, values });
    if (signed.kind !== "signed") throw new Error("the consent form was not signed");
  }
  return { id: outcome.volunteerId, fullName, email, participations };
}

/** A workshop session made directly in the database, as an admin's form would make it. */
export async function aWorkshopSession(
  db: Database,
  options: { title?: string; capacity: number; startsAt?: Date; hours?: number },
) {
  const study = await db.study.findUniqueOrThrow({ where: { slug: "workshops" } });
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * 86_400_000);
  return db.workshopSession.create({
    data: {
      studyId: study.id,
      title: uniqueName(options.title ?? "Workshop"),
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.hours ?? 2) * 3_600_000),
      mode: "IN_PERSON",
      location: "Imperial College, South Kensington",
      region: "london",
      capacity: options.capacity,
    },
  });
}

/** One property of an iCalendar file's event, unfolded (RFC 5545 folds long lines). */
export function icsProperty(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, "");
}

/** A date next summer (BST) and the one after that in winter (GMT), as the form's fields. */
export const NEXT_SUMMER = { day: "1", month: "7", year: String(new Date().getUTCFullYear() + 1) };
export const NEXT_WINTER = { day: "14", month: "1", year: String(new Date().getUTCFullYear() + 2) };
export const TEAMS_LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e%40thread.v2/0";
