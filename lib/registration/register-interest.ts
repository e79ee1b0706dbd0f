import type { Database } from "@/lib/db/prisma";
import { eligibilityForRequestedStudies } from "@/lib/eligibility/eligibility-for-studies";
import type { EligibilityRules } from "@/lib/eligibility/rules";
import { readEnv } from "@/lib/config/env";
import { renderInvitation } from "@/lib/email/templates/invitation";
import { renderRegistrationConfirmation } from "@/lib/email/templates/registration-confirmation";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
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
};

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
      employer: answers.employer ?? null,
      staffGroup: answers.staffGroup,
      jobTitle: answers.jobTitle,
      region: answers.region,
      partnershipCountry: answers.partnershipCountry ?? null,
    },
    answers,
    privacyNoticeVersion: input.privacyNoticeVersion,
    participations: outcomes.map((o) => ({
      studyId: studies.find((s) => s.slug === o.slug)!.id,
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
