import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { eligibilityRulesSchema, type EligibilityCondition } from "@/lib/eligibility/rules";
import { ActionError } from "@/lib/forms/action-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allQuestions, type QuestionSetDefinition } from "./definition";
import { definitionChanges, type DefinitionChanges } from "./definition-changes";
import { applyDraftEdit, draftProblems, publishProblems, type DraftEdit } from "./question-forms";
import { publishedQuestionSet } from "./published-questions";

/**
 * A study's question set in the builder (admins change it, any researcher may look): its newest published
 * version, its draft (at most one per set), and the studies that share it. Every change goes to the draft;
 * publishing makes the draft the next version, which never changes again (the database refuses). Every
 * function takes the study's id, and reaches the set through it, so another set cannot be reached by
 * changing an address.
 */

export class QuestionSetProblemsError extends ActionError {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
  }
}

/** The database refused to change a published version (trigger refuse_change_to_published_document). */
function isPublishedRefusal(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /published question_set_versions cannot be/.test(text);
}
const PUBLISHED_MEANWHILE = new ActionError(
  "This version has just been published, so it cannot be changed. Start a new version to make changes.",
);

async function setOfStudy(db: Database | Prisma.TransactionClient, studyId: string) {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: { id: true, questionSetId: true, questionSet: { select: { id: true, slug: true, title: true } } },
  });
  if (!study) throw new ActionError("That study does not exist.");
  return study.questionSet;
}

export type QuestionSetForBuilder = Awaited<ReturnType<typeof questionSetForBuilder>>;

export async function questionSetForBuilder(db: Database, _actor: Researcher, studyId: string) {
  const set = await setOfStudy(db, studyId);
  const [published, draft, studies] = await Promise.all([
    publishedQuestionSet(db, set.id),
    db.questionSetVersion.findFirst({
      where: { questionSetId: set.id, publishedAt: null },
      select: { id: true, version: true, definition: true, updatedAt: true },
    }),
    db.study.findMany({
      where: { questionSetId: set.id },
      orderBy: [{ displayOrder: "asc" }, { title: "asc" }],
      select: { id: true, slug: true, title: true, shortTitle: true, status: true, eligibilityRules: true },
    }),
  ]);
  return {
    set,
    published,
    draft: draft ? { ...draft, definition: draft.definition as QuestionSetDefinition } : null,
    studies,
  };
}

async function audit(
  tx: Prisma.TransactionClient,
  actor: Researcher,
  action: string,
  versionId: string,
  data: Prisma.InputJsonObject,
) {
  await recordAuditEvent(tx, {
    actorType: "RESEARCHER",
    actorId: actor.id,
    action,
    subjectType: "question_set_version",
    subjectId: versionId,
    data,
  });
}

/** Starts the set's next version as a draft: a copy of the newest published version, or empty. */
export async function startQuestionSetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string },
): Promise<{ versionId: string; version: number }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const set = await setOfStudy(tx, input.studyId);
      const existing = await tx.questionSetVersion.findFirst({ where: { questionSetId: set.id, publishedAt: null } });
      if (existing) throw new ActionError(`Version ${existing.version} is already being drafted. Change that draft.`);
      const newest = await tx.questionSetVersion.findFirst({
        where: { questionSetId: set.id },
        orderBy: { version: "desc" },
        select: { version: true, definition: true, publishedAt: true },
      });
      const definition = newest?.definition ?? { pages: [] };
      const draft = await tx.questionSetVersion.create({
        data: {
          questionSetId: set.id,
          version: (newest?.version ?? 0) + 1,
          definition: definition as Prisma.InputJsonValue,
        },
        select: { id: true, version: true },
      });
      await audit(tx, actor, "question_set.draft_started", draft.id, {
        questionSetId: set.id,
        version: draft.version,
        studyId: input.studyId,
      });
      return { versionId: draft.id, version: draft.version };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ActionError("Someone else has just started a new version. Reload the page.");
    throw error;
  }
}

/**
 * One change to the draft. The result is checked as a whole (definitionProblems and the definition's
 * schema); when it has problems nothing is stored and the error names each of them.
 */
export async function editQuestionSetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; edit: DraftEdit },
): Promise<{ definition: QuestionSetDefinition }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const set = await setOfStudy(tx, input.studyId);
      const draft = await tx.questionSetVersion.findFirst({ where: { questionSetId: set.id, publishedAt: null } });
      if (!draft) throw new ActionError("There is no draft to change. Start a new version first.");
      const definition = applyDraftEdit(draft.definition as QuestionSetDefinition, input.edit);
      const problems = draftProblems(definition);
      if (problems.length > 0) throw new QuestionSetProblemsError(problems);
      // Conditional on the draft read, so that of two edits at once neither is lost silently.
      const { count } = await tx.questionSetVersion.updateMany({
        where: { id: draft.id, updatedAt: draft.updatedAt, publishedAt: null },
        data: { definition: definition as Prisma.InputJsonValue },
      });
      if (count !== 1)
        throw new ActionError(
          "Someone else changed this draft at the same time. Reload the page and make your change again.",
        );
      await audit(tx, actor, "question_set.draft_changed", draft.id, {
        questionSetId: set.id,
        version: draft.version,
        change: input.edit.type,
      });
      return { definition };
    });
  } catch (error) {
    if (isPublishedRefusal(error)) throw PUBLISHED_MEANWHILE;
    throw error;
  }
}

/** Throws away the draft (admins only); the published versions stay as they are. */
export async function discardQuestionSetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string },
): Promise<void> {
  assertAdmin(actor);
  try {
    await db.$transaction(async (tx) => {
      const set = await setOfStudy(tx, input.studyId);
      const draft = await tx.questionSetVersion.findFirst({ where: { questionSetId: set.id, publishedAt: null } });
      if (!draft) throw new ActionError("There is no draft to discard.");
      await tx.questionSetVersion.delete({ where: { id: draft.id } });
      await audit(tx, actor, "question_set.draft_discarded", draft.id, {
        questionSetId: set.id,
        version: draft.version,
      });
    });
  } catch (error) {
    if (isPublishedRefusal(error)) throw PUBLISHED_MEANWHILE;
    throw error;
  }
}

function conditionsOf(condition: EligibilityCondition): Extract<EligibilityCondition, { answer: string }>[] {
  if ("anyOf" in condition) return condition.anyOf.flatMap(conditionsOf);
  if ("allOf" in condition) return condition.allOf.flatMap(conditionsOf);
  return [condition];
}

/**
 * Why these studies' rules would not fit a definition: each rule that tests a question, or an answer, that
 * the definition no longer asks. Pure; exported for the warning page and tests.
 */
export function rulesNoLongerAsked(
  studies: readonly { shortTitle: string; eligibilityRules: unknown }[],
  definition: QuestionSetDefinition,
): string[] {
  const byCode = new Map(allQuestions(definition).map((q) => [q.code, q]));
  const problems: string[] = [];
  for (const study of studies) {
    const rules = eligibilityRulesSchema.safeParse(study.eligibilityRules);
    if (!rules.success) continue;
    for (const criterion of rules.data.criteria) {
      for (const condition of conditionsOf(criterion.condition)) {
        const question = byCode.get(condition.answer);
        const rule = `The rule "${criterion.description}" of ${study.shortTitle}`;
        if (!question) {
          problems.push(
            `${rule} tests "${condition.answer}", which this version no longer asks. Change the rules first.`,
          );
        } else if ("oneOf" in condition) {
          const known = new Set((question.options ?? []).map((o) => o.code));
          const gone = condition.oneOf.filter((code) => !known.has(code));
          if (gone.length > 0) {
            problems.push(
              `${rule} tests "${question.shortLabel}" for the answer "${gone.join('", "')}", which this version no longer asks. Change the rules first.`,
            );
          }
        }
      }
    }
  }
  return problems;
}

export type PublishCheck = {
  version: number;
  changes: DefinitionChanges;
  /** Studies using the set that are recruiting now: publishing needs confirming after the warning. */
  recruiting: { id: string; shortTitle: string }[];
  /** Each study using the set, and what in its rules would no longer fit (empty: they fit). */
  studies: { id: string; slug: string; shortTitle: string; status: string; problems: string[] }[];
  problems: string[];
};

/** What publishing the draft would change and whether it may be published, without changing anything. */
export async function checkQuestionSetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string },
): Promise<PublishCheck> {
  const { published, draft, studies } = await questionSetForBuilder(db, actor, input.studyId);
  if (!draft) throw new ActionError("There is no draft to publish. Start a new version first.");
  const definition = draft.definition;
  const structure = publishProblems(definition);
  const perStudy = studies.map((s) => ({
    id: s.id,
    slug: s.slug,
    shortTitle: s.shortTitle,
    status: s.status,
    problems: structure.length > 0 ? [] : rulesNoLongerAsked([s], definition),
  }));
  return {
    version: draft.version,
    changes: definitionChanges(published?.definition ?? null, definition),
    recruiting: studies.filter((s) => s.status === "RECRUITING").map((s) => ({ id: s.id, shortTitle: s.shortTitle })),
    studies: perStudy,
    problems: [...structure, ...perStudy.flatMap((s) => s.problems)],
  };
}

/**
 * Publishes the draft as the set's next version (admins only). Refused, nothing changed, when the draft
 * has problems or a study's rules test a question or answer it no longer asks; when a study using the set
 * is recruiting, only once the admin has seen the warning (`confirmed`). Earlier versions, and the
 * submissions that point at them, are untouched.
 */
export async function publishQuestionSetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; version: number; confirmed: boolean },
): Promise<{ versionId: string; version: number } | { needsConfirmation: PublishCheck }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const set = await setOfStudy(tx, input.studyId);
      // Lock the set's studies so that no study opens or changes its rules while this is decided.
      await tx.$queryRaw`SELECT id FROM studies WHERE question_set_id = ${set.id}::uuid FOR UPDATE`;
      const draft = await tx.questionSetVersion.findFirst({ where: { questionSetId: set.id, publishedAt: null } });
      if (!draft || draft.version !== input.version) {
        throw new ActionError("This draft has changed or been published meanwhile. Reload the page.");
      }
      const definition = draft.definition as QuestionSetDefinition;
      const structure = publishProblems(definition);
      if (structure.length > 0) throw new QuestionSetProblemsError(structure);
      const studies = await tx.study.findMany({
        where: { questionSetId: set.id },
        select: { id: true, slug: true, shortTitle: true, status: true, eligibilityRules: true },
      });
      const ruleProblems = rulesNoLongerAsked(studies, definition);
      if (ruleProblems.length > 0) throw new QuestionSetProblemsError(ruleProblems);
      const recruiting = studies.filter((s) => s.status === "RECRUITING");
      if (recruiting.length > 0 && !input.confirmed) {
        const previous = await tx.questionSetVersion.findFirst({
          where: { questionSetId: set.id, publishedAt: { not: null } },
          orderBy: { version: "desc" },
          select: { definition: true },
        });
        return {
          needsConfirmation: {
            version: draft.version,
            changes: definitionChanges((previous?.definition as QuestionSetDefinition | undefined) ?? null, definition),
            recruiting: recruiting.map((s) => ({ id: s.id, shortTitle: s.shortTitle })),
            studies: studies.map((s) => ({
              id: s.id,
              slug: s.slug,
              shortTitle: s.shortTitle,
              status: s.status,
              problems: [],
            })),
            problems: [],
          },
        };
      }
      const { count } = await tx.questionSetVersion.updateMany({
        where: { id: draft.id, updatedAt: draft.updatedAt, publishedAt: null },
        data: { publishedAt: new Date(), publishedById: actor.id },
      });
      if (count !== 1) throw new ActionError("This draft has changed or been published meanwhile. Reload the page.");
      await audit(tx, actor, "question_set.version_published", draft.id, {
        questionSetId: set.id,
        version: draft.version,
        questionCodes: allQuestions(definition).map((q) => q.code),
      });
      return { versionId: draft.id, version: draft.version };
    });
  } catch (error) {
    if (isPublishedRefusal(error)) throw PUBLISHED_MEANWHILE;
    throw error;
  }
}
