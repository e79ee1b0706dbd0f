import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { evaluateEligibility } from "@/lib/eligibility/evaluate-eligibility";
import {
  changedOutcome,
  countOutcomeChanges,
  type OutcomeChanges,
  type StoredOutcome,
} from "@/lib/eligibility/outcome-changes";
import { eligibilityRulesSchema, type EligibilityAnswers, type EligibilityRules } from "@/lib/eligibility/rules";
import type { ParticipationStatus } from "@/lib/generated/prisma/client";
import { canMove, FOLLOWS_ELIGIBILITY } from "@/lib/participation/status";
import { ActionError } from "../forms/action-error";

/**
 * What new or current eligibility rules mean for people already registered for a study, and the explicit
 * action that applies the current rules to them. Saving rules never changes a stored outcome; checking
 * everyone again does, and only for people whose status still follows their answers (interested, eligible
 * or not eligible), with no researcher's override and whose details have not been erased.
 */

const answersOf = (value: unknown): EligibilityAnswers =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as EligibilityAnswers) : {};

/** Whether saving new rules should first warn what changes: the study is recruiting or has people. */
export async function ruleChangeNeedsWarning(db: Database, studyId: string): Promise<boolean> {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: { status: true, _count: { select: { participations: true } } },
  });
  return study !== null && (study.status === "RECRUITING" || study._count.participations > 0);
}

/**
 * How many stored outcomes these rules would decide the other way, against each person's latest screening
 * answers (erased people are not counted). Counts only: nothing about anyone in particular.
 */
export async function outcomeChangesUnder(
  db: Database,
  actor: Researcher,
  studyId: string,
  rules: EligibilityRules,
): Promise<OutcomeChanges> {
  assertAdmin(actor);
  const rows = await db.participation.findMany({
    where: { studyId, volunteer: { erasedAt: null } },
    select: { eligibility: true, volunteer: { select: { screeningAnswers: true } } },
  });
  return countOutcomeChanges(
    rules,
    rows.map((r) => ({ eligibility: r.eligibility, answers: answersOf(r.volunteer.screeningAnswers) })),
  );
}

export type ReEvaluationPlan = {
  /** The current rules' version number; 0 when the study's rules have no version yet. */
  rulesVersion: number;
  toEligible: number;
  toIneligible: number;
  /** Whose outcome would differ but who are left as they are: invited or further on, or overridden. */
  leftAsTheyAre: number;
};

type Candidate = {
  id: string;
  status: ParticipationStatus;
  eligibility: StoredOutcome;
  next: StoredOutcome;
  reasons: string[];
};

async function currentRules(db: Pick<Database, "study" | "eligibilityRuleVersion">, studyId: string) {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { eligibilityRules: true } });
  if (!study) throw new ActionError("That study does not exist.");
  const latest = await db.eligibilityRuleVersion.findFirst({
    where: { studyId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, rules: true },
  });
  const rules = eligibilityRulesSchema.parse(latest ? latest.rules : study.eligibilityRules);
  return { rules, version: latest };
}

async function plan(
  db: Pick<Database, "participation">,
  studyId: string,
  rules: EligibilityRules,
): Promise<{ candidates: Candidate[]; leftAsTheyAre: number }> {
  const rows = await db.participation.findMany({
    where: { studyId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      eligibility: true,
      eligibilityOverride: true,
      volunteer: { select: { erasedAt: true, screeningAnswers: true } },
    },
  });
  const candidates: Candidate[] = [];
  let leftAsTheyAre = 0;
  for (const row of rows) {
    // An erased person's answers are gone: nothing can be decided from them, so they are not counted.
    if (row.volunteer.erasedAt !== null) continue;
    const answers = answersOf(row.volunteer.screeningAnswers);
    const next = changedOutcome(rules, { eligibility: row.eligibility, answers });
    if (next === null) continue;
    const target: ParticipationStatus = next;
    const movable =
      FOLLOWS_ELIGIBILITY.includes(row.status) &&
      row.eligibilityOverride === null &&
      (row.status === target || canMove(row.status, target));
    if (!movable) {
      leftAsTheyAre++;
      continue;
    }
    const reasons = evaluateEligibility(rules, answers).unmet.map((u) => u.reason);
    candidates.push({ id: row.id, status: row.status, eligibility: row.eligibility, next, reasons });
  }
  return { candidates, leftAsTheyAre };
}

/** What checking everyone again would change, without changing anything (admins only). */
export async function reEvaluationPlan(db: Database, actor: Researcher, studyId: string): Promise<ReEvaluationPlan> {
  assertAdmin(actor);
  const { rules, version } = await currentRules(db, studyId);
  const { candidates, leftAsTheyAre } = await plan(db, studyId, rules);
  return {
    rulesVersion: version?.version ?? 0,
    toEligible: candidates.filter((c) => c.next === "ELIGIBLE").length,
    toIneligible: candidates.filter((c) => c.next === "INELIGIBLE").length,
    leftAsTheyAre,
  };
}

export const RULES_CHANGED_SINCE =
  "The eligibility rules changed since you looked. Check the new numbers below, then confirm again.";

/**
 * Applies the study's current rules to everyone whose status still follows their answers and whose outcome
 * they change (admins only): their outcome, reasons and rule version, and their status between eligible and
 * not eligible, each audited, with one summary event. `expectedRulesVersion` is the version the person
 * confirmed: if the rules changed since, nothing is changed.
 */
export async function reEvaluateEligibility(
  db: Database,
  actor: Researcher,
  input: { studyId: string; expectedRulesVersion: number },
): Promise<ReEvaluationPlan & { changed: number }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    // Lock the study: rules saved meanwhile wait for this to finish, and are then new rules.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM studies WHERE id = ${input.studyId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new ActionError("That study does not exist.");
    const current = await currentRules(tx, input.studyId);
    if ((current.version?.version ?? 0) !== input.expectedRulesVersion) throw new ActionError(RULES_CHANGED_SINCE);
    // Rules from before versioning get their version 1 now, so every outcome names the rules that decided it.
    const version =
      current.version ??
      (await tx.eligibilityRuleVersion.create({
        data: { studyId: input.studyId, version: 1, rules: current.rules, createdById: actor.id },
        select: { id: true, version: true, rules: true },
      }));
    const { candidates, leftAsTheyAre } = await plan(tx, input.studyId, current.rules);
    let toEligible = 0;
    let toIneligible = 0;
    for (const c of candidates) {
      const { count } = await tx.participation.updateMany({
        where: { id: c.id, status: c.status, eligibility: c.eligibility, eligibilityOverride: null },
        data: {
          eligibility: c.next,
          eligibilityReasons: c.reasons,
          eligibilityRulesVersionId: version.id,
          status: c.next,
        },
      });
      if (count !== 1) continue;
      if (c.next === "ELIGIBLE") toEligible++;
      else toIneligible++;
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: actor.id,
        action: "participation.eligibility_reevaluated",
        subjectType: "participation",
        subjectId: c.id,
        data: {
          from: c.eligibility,
          to: c.next,
          fromStatus: c.status,
          toStatus: c.next,
          rulesVersion: version.version,
          rulesVersionId: version.id,
        },
      });
    }
    const summary = { rulesVersion: version.version, toEligible, toIneligible, leftAsTheyAre };
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "study.eligibility_reevaluated",
      subjectType: "study",
      subjectId: input.studyId,
      data: { ...summary, changed: toEligible + toIneligible, rulesVersionId: version.id },
    });
    return { ...summary, changed: toEligible + toIneligible };
  });
}
