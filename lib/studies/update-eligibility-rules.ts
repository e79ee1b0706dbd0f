import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { eligibilityRulesSchema, type EligibilityRules } from "@/lib/eligibility/rules";
import { ActionError } from "../forms/action-error";
import { CHANGED_MEANWHILE } from "./update-study-settings";

/**
 * Replaces a study's eligibility rules (admins only). They apply to registrations from now on; decisions
 * already made stay as they were (a researcher can override one, with a reason). The rules are checked
 * again here, whatever the caller did: malformed rules must never reach the database.
 */
export async function updateEligibilityRules(
  db: Database,
  actor: Researcher,
  input: { studyId: string; rules: EligibilityRules; expectedUpdatedAt: Date },
): Promise<void> {
  assertAdmin(actor);
  const rules = eligibilityRulesSchema.parse(input.rules);
  await db.$transaction(async (tx) => {
    const { count } = await tx.study.updateMany({
      where: { id: input.studyId, updatedAt: input.expectedUpdatedAt },
      data: { eligibilityRules: rules },
    });
    if (count !== 1) {
      const exists = await tx.study.count({ where: { id: input.studyId } });
      throw new ActionError(exists ? CHANGED_MEANWHILE : "That study does not exist.");
    }
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "study.eligibility_rules_changed",
      subjectType: "study",
      subjectId: input.studyId,
      data: { criteria: rules.criteria.map((c) => c.id) },
    });
  });
}
