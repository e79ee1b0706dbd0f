import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { eligibilityForRequestedStudies } from "@/lib/eligibility/eligibility-for-studies";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderRegistrationConfirmation } from "@/lib/email/templates/registration-confirmation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toJsonValue } from "@/lib/text/json-value";
import type { StudyOutcome } from "./next-steps";
import type { RegistrationAnswers } from "./schema";

export type RegistrationResult = {
  expressionOfInterestId: string;
  volunteerId: string;
  outcomes: StudyOutcome[];
  /** True when this submission had already been stored (a double click or a resubmitted form). */
  alreadyStored: boolean;
};

/** Statuses that only reflect the answers; later ones (invited, consented…) are the team's and stay put. */
const STATUSES_SET_BY_ANSWERS = ["INTERESTED", "ELIGIBLE", "INELIGIBLE"] as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Stores a registration, all in the caller's transaction: the volunteer (found by normalised email, so a
 * person who registers again is updated, never duplicated), the expression of interest exactly as
 * submitted, a participation per requested study with its eligibility, the confirmation email in the
 * outbox, and an audit event. The same submission key twice stores nothing new.
 */
export async function registerInterest(
  tx: Prisma.TransactionClient,
  input: {
    answers: RegistrationAnswers;
    submissionKey: string;
    privacyNoticeVersion: string;
    publicUrl: string;
  },
): Promise<RegistrationResult> {
  const { answers } = input;
  const emailNormalised = normaliseEmail(answers.email);
  // Registrations of one person are serialised; everyone else's run side by side.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`volunteer:${emailNormalised}`}))`;

  const studies = await tx.study.findMany({
    where: { status: "RECRUITING" },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
  });
  const outcomesFor = (requested: readonly string[]): StudyOutcome[] =>
    eligibilityForRequestedStudies(
      studies.map((s) => ({ slug: s.slug, rules: eligibilityRulesSchema.parse(s.eligibilityRules) })),
      requested,
      answers,
    ).map(({ slug, result }) => {
      const study = studies.find((s) => s.slug === slug)!;
      return {
        slug,
        title: study.title,
        kind: study.kind,
        invitationMode: study.invitationMode,
        eligible: result.eligible,
        reasons: result.unmet.map((u) => u.reason),
      };
    });

  const existing = await tx.expressionOfInterest.findUnique({ where: { submissionKey: input.submissionKey } });
  if (existing) {
    return {
      expressionOfInterestId: existing.id,
      volunteerId: existing.volunteerId,
      outcomes: outcomesFor(answers.studies),
      alreadyStored: true,
    };
  }

  const profile = {
    email: answers.email,
    fullName: answers.fullName,
    phone: answers.phone ?? null,
    employer: answers.employer ?? null,
    staffGroup: answers.staffGroup,
    jobTitle: answers.jobTitle,
    region: answers.region,
    partnershipCountry: answers.partnershipCountry ?? null,
  };
  const previous = await tx.volunteer.findUnique({ where: { emailNormalised }, select: { id: true } });
  const volunteer = await tx.volunteer.upsert({
    where: { emailNormalised },
    create: { emailNormalised, ...profile },
    update: { ...profile, erasedAt: null },
  });

  const expression = await tx.expressionOfInterest.create({
    data: {
      volunteerId: volunteer.id,
      answers: toJsonValue(answers) as unknown as Prisma.InputJsonValue,
      privacyNoticeVersion: input.privacyNoticeVersion,
      submissionKey: input.submissionKey,
    },
  });

  const outcomes = outcomesFor(answers.studies);
  const participations: { studyId: string; participationId: string; eligible: boolean }[] = [];
  for (const outcome of outcomes) {
    const study = studies.find((s) => s.slug === outcome.slug)!;
    const eligibility = outcome.eligible ? "ELIGIBLE" : "INELIGIBLE";
    const key = { volunteerId_studyId: { volunteerId: volunteer.id, studyId: study.id } };
    const current = await tx.participation.findUnique({ where: key });
    let participationId: string;
    if (!current) {
      const created = await tx.participation.create({
        data: { volunteerId: volunteer.id, studyId: study.id, eligibility, status: eligibility, eligibilityReasons: outcome.reasons },
      });
      participationId = created.id;
    } else {
      participationId = current.id;
      const statusFollowsAnswers =
        (STATUSES_SET_BY_ANSWERS as readonly string[]).includes(current.status) && current.eligibilityOverride === null;
      await tx.participation.update({
        where: { id: current.id },
        data: {
          eligibility,
          eligibilityReasons: outcome.reasons,
          ...(statusFollowsAnswers ? { status: eligibility } : {}),
        },
      });
    }
    participations.push({ studyId: study.id, participationId, eligible: outcome.eligible });
  }

  const contact = studies[0];
  await enqueueEmail(tx, {
    dedupeKey: `registration-confirmation:${expression.id}`,
    template: "registration-confirmation",
    to: answers.email,
    volunteerId: volunteer.id,
    ...renderRegistrationConfirmation({
      fullName: answers.fullName,
      outcomes,
      contactName: contact?.contactName ?? "the study team",
      contactEmail: contact?.contactEmail ?? "",
      publicUrl: input.publicUrl,
    }),
  });

  await recordAuditEvent(tx, {
    actorType: "VOLUNTEER",
    actorId: volunteer.id,
    action: previous ? "registration.repeated" : "registration.submitted",
    subjectType: "expression_of_interest",
    subjectId: expression.id,
    data: { volunteerId: volunteer.id, participations },
  });

  return { expressionOfInterestId: expression.id, volunteerId: volunteer.id, outcomes, alreadyStored: false };
}
