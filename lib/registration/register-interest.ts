import type { Database } from "@/lib/db/prisma";
import { eligibilityForRequestedStudies } from "@/lib/eligibility/eligibility-for-studies";
import type { EligibilityRules } from "@/lib/eligibility/rules";
import { readEnv } from "@/lib/config/env";
import { renderInvitation } from "@/lib/email/templates/invitation";
import { renderRegistrationConfirmation } from "@/lib/email/templates/registration-confirmation";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { answeredQuestionSets, type JourneyQuestionSet } from "./journey";
import type { StudyOutcome } from "./next-steps";
import type { RegistrationAnswers } from "./schema";

export type RegistrationOutcome =
  | { kind: "stored"; volunteerId: string; expressionOfInterestId: string; outcomes: StudyOutcome[] }
  /** The same submission arrived before (double click, back button, two tabs): nothing new stored. */
  | { kind: "already-submitted" }
  /** A bot filled in the hidden field: the journey looked normal, nothing was kept. */
  | { kind: "discarded" };

export type RegistrationStudy = {
  id: string;
  slug: string;
  kind: "INTERVIEW" | "WORKSHOP";
  title: string;
  invitationMode: "AUTOMATIC" | "AFTER_TRIAGE";
  contactName: string;
  contactEmail: string;
  considerationPeriodHours: number;
  rules: EligibilityRules;
  /** Automatic invitations link to signing this form, so a study without one invites no one yet. */
  currentConsentForm: { id: string; informationSheet: { version: string; versionDate: Date } } | null;
  /** The published question set version its people answer (lib/studies/recruiting-studies.ts). */
  questionSet?: JourneyQuestionSet;
  /** The eligibility rule version that decides outcomes now; null for a study with none recorded. */
  rulesVersionId?: string | null;
};

/**
 * The screening answers of a submission (answers to the answered sets' questions only, by code), the codes
 * those sets ask, and the versions answered. Studies that do not name their set (callers from before
 * question sets) answered the call's questions.
 */
export function screeningAnswersOf(
  answers: Record<string, unknown>,
  studies: readonly RegistrationStudy[],
): { versionIds: string[]; codes: string[]; screeningAnswers: Record<string, unknown> } {
  const named = studies.every((s) => s.questionSet);
  const sets = named
    ? answeredQuestionSets(
        studies.map((s) => ({ slug: s.slug, kind: s.kind, questionSet: s.questionSet! })),
        answers,
      )
    : [];
  const definitions = named ? sets.map((set) => set.definition) : [currentCallDefinition];
  const codes = definitions.flatMap((d) => d.pages.flatMap((p) => p.questions.map((q) => q.code)));
  return {
    versionIds: sets.map((set) => set.versionId),
    codes,
    screeningAnswers: Object.fromEntries(codes.filter((c) => answers[c] !== undefined).map((c) => [c, answers[c]])),
  };
}

/** A profile column filled from the answer with this code, when the answered questions have one. */
function profileText(answers: Record<string, unknown>, code: string, max: number): string | null {
  const value = answers[code];
  return typeof value === "string" && value !== "" ? value.slice(0, max) : null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Stores a registration. Eligibility and the confirmation email are decided here, in TypeScript, from the
 * studies' rules; then one database function (store_registration, prisma/functions) writes everything in
 * one transaction and one round trip: the volunteer (found by normalised email, so a person who registers
 * again is updated, never duplicated), the expression of interest exactly as submitted, a participation
 * per requested study, the email in the outbox, the audit event and, when there is one, the draft marked
 * submitted. The same draft or submission key twice stores nothing new.
 */
export async function registerInterest(
  db: Database,
  input: {
    answers: RegistrationAnswers;
    /** The studies recruiting now (lib/studies/recruiting-studies.ts), with their rules. */
    studies: readonly RegistrationStudy[];
    privacyNoticeVersion: string;
    publicUrl: string;
  } & ({ draftId: string } | { submissionKey: string }),
): Promise<RegistrationOutcome> {
  const { answers, studies } = input;
  const outcomes: StudyOutcome[] = eligibilityForRequestedStudies(studies, answers.studies, answers).map(
    ({ slug, result }) => {
      const study = studies.find((s) => s.slug === slug)!;
      return {
        slug,
        title: study.title,
        kind: study.kind,
        invitationMode: study.invitationMode,
        eligible: result.eligible,
        reasons: result.unmet.map((u) => u.reason),
      };
    },
  );
  const { CONSENT_LINK_DAYS, MANAGE_LINK_DAYS } = readEnv();
  const { versionIds, codes, screeningAnswers } = screeningAnswersOf(answers, studies);
  const manage = newAccessToken();
  const manageUrl = links.manage(input.publicUrl, manage.token);

  // Studies that invite automatically: the invitation is prepared now and the database sends it only if
  // the person is newly eligible (not, say, already invited or consented) and the form it was written for
  // is still the study's current one, the rule inviteParticipant applies too.
  const invitations = outcomes.flatMap((outcome) => {
    const study = studies.find((s) => s.slug === outcome.slug)!;
    const form = study.currentConsentForm;
    if (!outcome.eligible || study.invitationMode !== "AUTOMATIC" || !form) return [];
    const consent = newAccessToken();
    const signableFrom =
      study.considerationPeriodHours > 0 ? new Date(Date.now() + study.considerationPeriodHours * 3_600_000) : null;
    const expiresAt = daysFromNow(CONSENT_LINK_DAYS);
    return [
      {
        studyId: study.id,
        consentFormId: form.id,
        tokenHash: consent.tokenHash,
        expiresAt,
        email: renderInvitation({
          fullName: answers.fullName,
          studyTitle: study.title,
          informationSheetVersion: form.informationSheet.version,
          informationSheetDate: form.informationSheet.versionDate,
          informationSheetUrl: links.informationSheet(input.publicUrl, study.slug),
          consentUrl: links.consent(input.publicUrl, consent.token),
          linkExpiresAt: expiresAt,
          considerationPeriodHours: study.considerationPeriodHours,
          signableFrom,
          contactName: study.contactName,
          contactEmail: study.contactEmail,
          manageUrl,
          reconsent: false,
        }),
      },
    ];
  });

  const contact = studies[0];
  const email = renderRegistrationConfirmation({
    fullName: answers.fullName,
    outcomes,
    contactName: contact?.contactName ?? "the study team",
    contactEmail: contact?.contactEmail ?? "",
    publicUrl: input.publicUrl,
    manageUrl,
  });

  const payload = {
    ...("draftId" in input ? { draftId: input.draftId } : { submissionKey: input.submissionKey }),
    emailNormalised: normaliseEmail(answers.email),
    volunteer: {
      email: answers.email,
      fullName: answers.fullName,
      phone: answers.phone ?? null,
      // The profile columns the dashboard has always shown, from the answers with those codes when the
      // questions answered have them (another study's set simply leaves them empty).
      // A column whose code the answered questions do not ask keeps what it held.
      employer: profileText(screeningAnswers, "employer", 200),
      staffGroup: profileText(screeningAnswers, "staffGroup", 80),
      jobTitle: profileText(screeningAnswers, "jobTitle", 200),
      region: profileText(screeningAnswers, "region", 80),
      partnershipCountry: profileText(screeningAnswers, "partnershipCountry", 100),
    },
    answers,
    // The person's latest screening answers: those of the questions asked now replace any earlier ones.
    screeningAnswers,
    screeningCodes: codes,
    questionSetVersionIds: versionIds,
    privacyNoticeVersion: input.privacyNoticeVersion,
    participations: outcomes.map((o) => ({
      studyId: studies.find((s) => s.slug === o.slug)!.id,
      rulesVersionId: studies.find((s) => s.slug === o.slug)!.rulesVersionId ?? null,
      eligibility: o.eligible ? "ELIGIBLE" : "INELIGIBLE",
      reasons: o.reasons,
    })),
    email: { template: "registration-confirmation", to: answers.email, ...email },
    outcomes,
    manageToken: { tokenHash: manage.tokenHash, expiresAt: daysFromNow(MANAGE_LINK_DAYS) },
    invitations,
  };
  // JSON drops the answers that are undefined (questions that did not apply).
  const rows = await db.$queryRaw<
    { result: { kind: string; volunteerId?: string; expressionOfInterestId?: string } }[]
  >`
    select store_registration(${JSON.stringify(payload)}::jsonb) as result`;
  const result = rows[0]!.result;
  if (result.kind === "stored") {
    return {
      kind: "stored",
      volunteerId: result.volunteerId!,
      expressionOfInterestId: result.expressionOfInterestId!,
      outcomes,
    };
  }
  return { kind: result.kind === "discarded" ? "discarded" : "already-submitted" };
}
