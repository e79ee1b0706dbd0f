"use server";

import { createHash } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { evaluateEligibility } from "@/lib/eligibility/evaluate-eligibility";
import { outcomeChangeWords } from "@/lib/eligibility/outcome-changes";
import { rulesProblems, type EligibilityRules } from "@/lib/eligibility/rules";
import { testAnswersFromForm, testValuesFromForm } from "@/lib/eligibility/test-answers";
import { ActionError } from "@/lib/forms/action-error";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import {
  outcomeChangesUnder,
  reEvaluateEligibility,
  ruleChangeNeedsWarning,
} from "@/lib/studies/re-evaluate-eligibility";
import { applyRowChange, draftFromForm, postedValues, rowChangeOf, rulesFromDraft } from "@/lib/studies/rules-form";
import type { RulesFormState } from "@/lib/studies/rules-form-state";
import { questionsOfStudy, updateEligibilityRules } from "@/lib/studies/update-eligibility-rules";
import { CHANGED_MEANWHILE } from "@/lib/studies/update-study-settings";

/**
 * The rules form's one action: its buttons add, remove and move rows (nothing saved), test the rules as
 * they stand in the form (nothing saved), or save them, first warning what changes for people already
 * registered. Every button posts the whole form, so it works without JavaScript.
 */
export async function rulesFormAction(
  slug: string,
  previous: RulesFormState,
  formData: FormData,
): Promise<RulesFormState> {
  const researcher = await requireResearcher("ADMIN");
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const questions = await questionsOfStudy(db, study.id);
  const get = postedValues(formData);
  const intent = get("intent")[0] ?? "";
  const draft = draftFromForm(get);
  const base: RulesFormState = {
    draft,
    revision: previous.revision + 1,
    expectedUpdatedAt: get("expectedUpdatedAt")[0] ?? "",
    errors: {},
    problems: [],
    testValues: testValuesFromForm(questions, get),
  };

  const change = rowChangeOf(intent);
  if (change) return { ...base, draft: applyRowChange(draft, change) };
  if (!["test", "save", "confirm"].includes(intent)) return base;

  const parsed = rulesFromDraft(draft, questions);
  if (!parsed.ok) return { ...base, errors: parsed.errors };
  const problems = rulesProblems(parsed.rules, questions);
  if (problems.length > 0) return { ...base, problems };

  if (intent === "test") {
    const test = testAnswersFromForm(questions, get);
    if (Object.keys(test.errors).length > 0) return { ...base, errors: test.errors };
    const result = evaluateEligibility(parsed.rules, test.answers);
    return { ...base, testResult: { eligible: result.eligible, reasons: result.unmet.map((u) => u.reason) } };
  }

  const expected = new Date(base.expectedUpdatedAt);
  if (Number.isNaN(expected.getTime())) return { ...base, problems: ["Reload the page and try again"] };
  const fingerprint = fingerprintOf(parsed.rules, base.expectedUpdatedAt);
  if (intent === "save" || get("fingerprint")[0] !== fingerprint) {
    if (await ruleChangeNeedsWarning(db, study.id)) {
      const changes = await outcomeChangesUnder(db, researcher, study.id, parsed.rules);
      return { ...base, warning: { lines: outcomeChangeWords(changes), fingerprint } };
    }
  }
  try {
    await updateEligibilityRules(db, researcher, {
      studyId: study.id,
      rules: parsed.rules,
      expectedUpdatedAt: expected,
    });
  } catch (error) {
    if (error instanceof ActionError && error.message === CHANGED_MEANWHILE) {
      // Keep what they wrote; the next save goes ahead over the other change, once they have looked.
      const current = await findStudyForAdmin(db, researcher, slug);
      return {
        ...base,
        expectedUpdatedAt: current?.updatedAt.toISOString() ?? base.expectedUpdatedAt,
        problems: [
          "Someone else changed this study while you were editing. Your rules are below, not saved: check the study's current rules, then save again",
        ],
      };
    }
    if (error instanceof ActionError) return { ...base, problems: error.message.split("\n") };
    throw error;
  }
  redirect(`/admin/studies/${study.slug}?done=eligibility`);
}

/** Which rules a warning was about, so "Save the new rules" saves only the rules the person was warned of. */
function fingerprintOf(rules: EligibilityRules, expectedUpdatedAt: string): string {
  return createHash("sha256").update(JSON.stringify(rules)).update(expectedUpdatedAt).digest("hex").slice(0, 32);
}

/** "Check everyone again": applies the current rules to the people whose status still follows them. */
export async function reEvaluateAction(
  slug: string,
  rulesVersion: number,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const expected = Number(rulesVersion);
  if (!Number.isInteger(expected) || expected < 0) return { error: "Reload the page and try again" };
  let changed: number;
  try {
    ({ changed } = await reEvaluateEligibility(db, researcher, { studyId: study.id, expectedRulesVersion: expected }));
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  redirect(`/admin/studies/${study.slug}/eligibility/re-evaluate?done=${changed}`);
}
