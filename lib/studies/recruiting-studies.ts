import "server-only";
import { getDb } from "@/lib/db/client";
import { eligibilityRulesSchema, type EligibilityRules } from "@/lib/eligibility/rules";
import { publishedQuestionSets } from "@/lib/questions/published-questions";
import type { JourneyQuestionSet } from "@/lib/registration/journey";

/** A study people can register for now, with what registration needs to know about it. */
export type RecruitingStudy = {
  id: string;
  slug: string;
  kind: "INTERVIEW" | "WORKSHOP";
  title: string;
  shortTitle: string;
  summary: string;
  invitationMode: "AUTOMATIC" | "AFTER_TRIAGE";
  contactName: string;
  contactEmail: string;
  considerationPeriodHours: number;
  rules: EligibilityRules;
  /** The consent form people sign now, and the information sheet it refers to; null until one is published. */
  currentConsentForm: { id: string; informationSheet: { version: string; versionDate: Date } } | null;
  /** The published version of the study's question set that people answer now. */
  questionSet: JourneyQuestionSet;
  /** The study's current eligibility rule version (the newest), named by each outcome it decides. */
  rulesVersionId: string | null;
};

/**
 * The studies recruiting now, in the order the team set, each with the published version of its question
 * set. A study whose set has no published version is not offered: it could not be answered.
 */
export async function listRecruitingStudies(): Promise<RecruitingStudy[]> {
  const studies = await getDb().study.findMany({
    where: { status: "RECRUITING" },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      kind: true,
      title: true,
      shortTitle: true,
      summary: true,
      invitationMode: true,
      contactName: true,
      contactEmail: true,
      considerationPeriodHours: true,
      eligibilityRules: true,
      questionSetId: true,
      ruleVersions: { orderBy: { version: "desc" }, take: 1, select: { id: true } },
      consentForms: {
        where: { publishedAt: { not: null } },
        orderBy: { publishedAt: "desc" },
        take: 1,
        select: { id: true, informationSheet: { select: { version: true, versionDate: true } } },
      },
    },
  });
  const sets = await publishedQuestionSets(
    getDb(),
    studies.map((s) => s.questionSetId),
  );
  return studies.flatMap(({ eligibilityRules, consentForms, questionSetId, ruleVersions, ...study }) => {
    const set = sets.get(questionSetId);
    if (!set) return [];
    return [
      {
        ...study,
        rules: eligibilityRulesSchema.parse(eligibilityRules),
        currentConsentForm: consentForms[0] ?? null,
        questionSet: { questionSetId, versionId: set.versionId, definition: set.definition },
        rulesVersionId: ruleVersions[0]?.id ?? null,
      },
    ];
  });
}
