import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "../forms/action-error";
import type { NewStudy } from "./create-study-form";

export const slugTaken = (slug: string) =>
  new ActionError(`The web address "${slug}" is already used by another study. Choose another.`, "slug");

/** The question sets a new study can use, the call's (the oldest) first. */
export async function questionSetsToChooseFrom(db: Database, _actor: Researcher) {
  const sets = await db.questionSet.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      studies: { select: { shortTitle: true }, orderBy: { displayOrder: "asc" } },
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true },
      },
    },
  });
  return sets.map((s) => ({
    id: s.id,
    title: s.title,
    studies: s.studies.map((x) => x.shortTitle),
    publishedVersion: s.versions[0]?.version ?? null,
  }));
}

async function freeSetSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.questionSet.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (s) => s.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const slug = `${base.slice(0, 60)}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

/**
 * Creates a study as a draft (admins only), with no eligibility rules yet (rule version 1, empty) and
 * either an existing question set or a new one of its own, titled after it, whose first version is an
 * empty draft. Nothing is stored when anything is refused. Audited as study.created (and
 * question_set.created for a new set).
 */
export async function createStudy(
  db: Database,
  actor: Researcher,
  input: NewStudy,
): Promise<{ id: string; slug: string; questionSetId: string }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.study.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw slugTaken(input.slug);
      let questionSetId: string;
      let newSet = false;
      if (input.questions === "existing") {
        const set = await tx.questionSet.findUnique({ where: { id: input.questionSetId }, select: { id: true } });
        if (!set) throw new ActionError("That question set does not exist. Choose another.", "questionSetId");
        questionSetId = set.id;
      } else {
        const set = await tx.questionSet.create({
          data: { slug: await freeSetSlug(tx, input.slug), title: input.title },
          select: { id: true },
        });
        await tx.questionSetVersion.create({ data: { questionSetId: set.id, version: 1, definition: { pages: [] } } });
        questionSetId = set.id;
        newSet = true;
      }
      const last = await tx.study.aggregate({ _max: { displayOrder: true } });
      const rules = { criteria: [] };
      const study = await tx.study.create({
        data: {
          slug: input.slug,
          kind: input.kind,
          title: input.title,
          shortTitle: input.shortTitle,
          summary: input.summary,
          whatTakingPartInvolves: input.whatTakingPartInvolves,
          ethicsCommittee: input.ethicsCommittee || null,
          ethicsReference: input.ethicsReference || null,
          status: "DRAFT",
          targetMin: input.targetMin,
          targetMax: input.targetMax,
          invitationMode: input.invitationMode,
          consentRequired: input.consentRequired,
          considerationPeriodHours: input.considerationPeriodHours,
          reminderAfterDays: input.reminderAfterDays,
          retentionDays: input.retentionDays,
          interviewBookingCutoffHours: input.interviewBookingCutoffHours,
          workshopOfferHours: input.workshopOfferHours,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          questionSetId,
          eligibilityRules: rules,
          displayOrder: (last._max.displayOrder ?? 0) + 1,
        },
        select: { id: true, slug: true },
      });
      await tx.eligibilityRuleVersion.create({
        data: { studyId: study.id, version: 1, rules, createdById: actor.id },
      });
      if (newSet) {
        await recordAuditEvent(tx, {
          actorType: "RESEARCHER",
          actorId: actor.id,
          action: "question_set.created",
          subjectType: "question_set",
          subjectId: questionSetId,
          data: { studyId: study.id },
        });
      }
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: actor.id,
        action: "study.created",
        subjectType: "study",
        subjectId: study.id,
        data: { questionSetId, newQuestionSet: newSet, kind: input.kind },
      });
      return { id: study.id, slug: study.slug, questionSetId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}
