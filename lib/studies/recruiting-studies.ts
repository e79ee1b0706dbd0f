import "server-only";
import { getDb } from "@/lib/db/client";
import { eligibilityRulesSchema, type EligibilityRules } from "@/lib/eligibility/rules";

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
};

/** The studies recruiting now, in the order the team set. */
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
      consentForms: {
        where: { publishedAt: { not: null } },
        orderBy: { publishedAt: "desc" },
        take: 1,
        select: { id: true, informationSheet: { select: { version: true, versionDate: true } } },
      },
    },
  });
  return studies.map(({ eligibilityRules, consentForms, ...study }) => ({
    ...study,
    rules: eligibilityRulesSchema.parse(eligibilityRules),
    currentConsentForm: consentForms[0] ?? null,
  }));
}
