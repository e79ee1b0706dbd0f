import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "../forms/action-error";
import type { InformationSheetInput } from "./document-forms";
import { isUniqueViolation } from "../db/unique-violation";

/**
 * Drafting and publishing a study's information sheet (admins only). A draft can be edited as often as
 * needed; publishing makes it the sheet the public reads, and from then on it never changes (the database
 * refuses). Every function takes the study's id with the sheet's, so a sheet of another study cannot be
 * reached by changing an address.
 */

const versionTaken = (version: string) =>
  new ActionError(`Version ${version} already exists for this study. Give this version its own label`, "version");

async function draftOf(tx: Prisma.TransactionClient, studyId: string, sheetId: string) {
  const sheet = await tx.informationSheet.findFirst({ where: { id: sheetId, studyId } });
  if (!sheet) throw new ActionError("That information sheet does not exist.");
  if (sheet.publishedAt)
    throw new ActionError(
      `Version ${sheet.version} is published, so it cannot be changed. Draft a new version instead.`,
    );
  return sheet;
}

export async function createInformationSheetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; sheet: InformationSheetInput },
): Promise<{ id: string }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const study = await tx.study.findUnique({ where: { id: input.studyId }, select: { id: true } });
      if (!study) throw new ActionError("That study does not exist.");
      const sheet = await tx.informationSheet.create({
        data: { studyId: study.id, ...input.sheet },
        select: { id: true, version: true },
      });
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: actor.id,
        action: "information_sheet.drafted",
        subjectType: "information_sheet",
        subjectId: sheet.id,
        data: { studyId: study.id },
      });
      return { id: sheet.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionTaken(input.sheet.version);
    throw error;
  }
}

export async function updateInformationSheetDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; sheetId: string; sheet: InformationSheetInput },
): Promise<void> {
  assertAdmin(actor);
  try {
    await db.$transaction(async (tx) => {
      const sheet = await draftOf(tx, input.studyId, input.sheetId);
      await tx.informationSheet.update({ where: { id: sheet.id }, data: input.sheet });
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: actor.id,
        action: "information_sheet.draft_edited",
        subjectType: "information_sheet",
        subjectId: sheet.id,
        data: { studyId: input.studyId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionTaken(input.sheet.version);
    throw error;
  }
}

/** Publishes a draft: it becomes the study's current information sheet, on the public pages at once. */
export async function publishInformationSheet(
  db: Database,
  actor: Researcher,
  input: { studyId: string; sheetId: string },
  now = new Date(),
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const sheet = await draftOf(tx, input.studyId, input.sheetId);
    if (sheet.content.trim() === "") throw new ActionError("The information sheet has no text yet.");
    // Conditional: of two admins publishing at once, the second finds it published and changes nothing.
    const { count } = await tx.informationSheet.updateMany({
      where: { id: sheet.id, publishedAt: null },
      data: { publishedAt: now },
    });
    if (count !== 1) throw new ActionError(`Version ${sheet.version} is already published.`);
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "information_sheet.published",
      subjectType: "information_sheet",
      subjectId: sheet.id,
      data: { studyId: input.studyId, version: sheet.version },
    });
  });
}

/** One information sheet of a study, with its text, for the dashboard. Null when it is not this study's. */
export async function findInformationSheetForAdmin(
  db: Database,
  _actor: Researcher,
  input: { studyId: string; sheetId: string },
) {
  return db.informationSheet.findFirst({ where: { id: input.sheetId, studyId: input.studyId } });
}
