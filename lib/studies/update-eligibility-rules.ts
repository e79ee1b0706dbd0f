import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { eligibilityRulesSchema, rulesProblems, type EligibilityRules } from "@/lib/eligibility/rules";
import { allQuestions, type Question } from "@/lib/questions/definition";
import { publishedQuestionsOfStudy } from "@/lib/questions/published-questions";
import { ActionError } from "../forms/action-error";
import { CHANGED_MEANWHILE } from "./update-study-settings";

/** The questions a study's rules can test: those of its question set's published version (none before). */
export async function questionsOfStudy(db: Database, studyId: string): Promise<Question[]> {
  const published = await publishedQuestionsOfStudy(db, studyId);
  return published ? allQuestions(published.definition) : [];
}

/**
 * Replaces a study's eligibility rules (admins only), as a new version: a row in eligibility_rule_versions
 * numbered one more than the last, and the study's own copy, in one transaction, refused if the study
 * changed since the page was drawn. They apply to registrations from now on; outcomes already stored stay
 * as they were until someone checks everyone again (re-evaluate-eligibility.ts). The rules are checked again
 * here against the study's questions, whatever the caller did: malformed rules never reach the database.
 */
export async function updateEligibilityRules(
  db: Database,
  actor: Researcher,
  input: { studyId: string; rules: EligibilityRules; expectedUpdatedAt: Date },
): Promise<{ version: number }> {
  assertAdmin(actor);
  const rules = eligibilityRulesSchema.parse(input.rules);
  const problems = rulesProblems(rules, await questionsOfStudy(db, input.studyId));
  if (problems.length > 0) throw new ActionError(problems.join("\n"), "rules");
  return db.$transaction(async (tx) => {
    const { count } = await tx.study.updateMany({
      where: { id: input.studyId, updatedAt: input.expectedUpdatedAt },
      data: { eligibilityRules: rules },
    });
    if (count !== 1) {
      const exists = await tx.study.count({ where: { id: input.studyId } });
      throw new ActionError(exists ? CHANGED_MEANWHILE : "That study does not exist.");
    }
    // The study's row is locked by the update above, so no one else numbers a version meanwhile.
    const last = await tx.eligibilityRuleVersion.findFirst({
      where: { studyId: input.studyId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    await tx.eligibilityRuleVersion.create({
      data: { studyId: input.studyId, version, rules, createdById: actor.id },
    });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "study.eligibility_rules_changed",
      subjectType: "study",
      subjectId: input.studyId,
      data: { version, criteria: rules.criteria.map((c) => c.id) },
    });
    return { version };
  });
}
