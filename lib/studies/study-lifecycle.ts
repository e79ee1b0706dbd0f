import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { eligibilityRulesSchema, rulesProblems } from "@/lib/eligibility/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allQuestions } from "@/lib/questions/definition";
import { publishedQuestionSets } from "@/lib/questions/published-questions";
import { ActionError } from "../forms/action-error";

/**
 * Opening a study for recruitment and closing it (admins only). A study opens only when everything the
 * public journey needs is in place; each missing thing is named. Closing keeps every record: the study
 * simply stops appearing on the public pages and in registration.
 */

export class StudyCannotOpenError extends ActionError {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
  }
}

type Tx = Prisma.TransactionClient | Database;

/** Why a study cannot open now, in words that name each problem (empty: it can). */
export async function openingProblems(db: Tx, studyId: string): Promise<string[]> {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: {
      id: true,
      consentRequired: true,
      eligibilityRules: true,
      questionSetId: true,
      informationSheets: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
      consentForms: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  if (!study) throw new ActionError("That study does not exist.");
  const problems: string[] = [];
  if (study.informationSheets.length === 0) problems.push("Publish an information sheet first.");
  if (study.consentRequired && study.consentForms.length === 0) {
    problems.push("People must sign a consent form for this study: publish a consent form first.");
  }
  const others = await db.study.findMany({
    where: { status: "RECRUITING", id: { not: study.id }, questionSetId: { not: study.questionSetId } },
    orderBy: [{ displayOrder: "asc" }, { title: "asc" }],
    select: { shortTitle: true, questionSetId: true },
  });
  const sets = await publishedQuestionSets(db as Database, [
    study.questionSetId,
    ...others.map((o) => o.questionSetId),
  ]);
  const own = sets.get(study.questionSetId);
  if (!own) problems.push("Its questions have no published version. Publish a version of the questions first.");
  const rules = eligibilityRulesSchema.safeParse(study.eligibilityRules);
  if (!rules.success) problems.push("Its eligibility rules cannot be read. Save them again in the right form.");
  else if (rules.data.criteria.length === 0) problems.push("Add at least one eligibility rule first.");
  else if (own) problems.push(...rulesProblems(rules.data, allQuestions(own.definition)));
  if (own) {
    const codes = new Set(allQuestions(own.definition).map((q) => q.code));
    const pages = new Set(own.definition.pages.map((p) => p.slug));
    const bySet = new Map<string, string[]>();
    for (const other of others)
      bySet.set(other.questionSetId, [...(bySet.get(other.questionSetId) ?? []), other.shortTitle]);
    for (const [setId, titles] of bySet) {
      const theirs = sets.get(setId);
      if (!theirs) continue;
      const whose = titles.length === 1 ? titles[0]! : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)!}`;
      const sameCodes = allQuestions(theirs.definition)
        .filter((q) => codes.has(q.code))
        .map((q) => q.code);
      const samePages = theirs.definition.pages.filter((p) => pages.has(p.slug)).map((p) => p.slug);
      if (sameCodes.length > 0) {
        problems.push(
          `Its questions use the codes "${sameCodes.join('", "')}", which the questions of ${whose} (recruiting now) use too. Change the codes in a new version of the questions.`,
        );
      }
      if (samePages.length > 0) {
        problems.push(
          `Its question pages use the addresses "${samePages.join('", "')}", which the questions of ${whose} (recruiting now) use too. Change the page addresses in a new version of the questions.`,
        );
      }
    }
  }
  return [...new Set(problems)];
}

async function changeStatus(
  db: Database,
  actor: Researcher,
  studyId: string,
  to: "RECRUITING" | "CLOSED",
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    // Lock the recruiting studies, so that two studies whose questions clash cannot open at once.
    await tx.$queryRaw`SELECT id FROM studies WHERE status = 'RECRUITING' OR id = ${studyId}::uuid ORDER BY id FOR UPDATE`;
    const study = await tx.study.findUnique({ where: { id: studyId }, select: { id: true, status: true } });
    if (!study) throw new ActionError("That study does not exist.");
    if (to === "RECRUITING") {
      if (study.status === "RECRUITING") throw new ActionError("This study is already open for recruitment.");
      const problems = await openingProblems(tx, study.id);
      if (problems.length > 0) throw new StudyCannotOpenError(problems);
    } else if (study.status !== "RECRUITING") {
      throw new ActionError("Only a study that is recruiting can be closed.");
    }
    await tx.study.update({ where: { id: study.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: to === "RECRUITING" ? "study.opened" : "study.closed",
      subjectType: "study",
      subjectId: study.id,
      data: { from: study.status, to },
    });
  });
}

/** DRAFT or CLOSED to RECRUITING, once nothing stands in the way (StudyCannotOpenError names what does). */
export function openStudyForRecruitment(db: Database, actor: Researcher, input: { studyId: string }) {
  return changeStatus(db, actor, input.studyId, "RECRUITING");
}

/** RECRUITING to CLOSED: no new interest; every record stays. */
export function closeStudyRecruitment(db: Database, actor: Researcher, input: { studyId: string }) {
  return changeStatus(db, actor, input.studyId, "CLOSED");
}
