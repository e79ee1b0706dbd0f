import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "../forms/action-error";
import type { ConsentFormDetailsInput, ConsentStatementInput } from "./document-forms";
import { isUniqueViolation } from "../db/unique-violation";

/**
 * Drafting a new version of a study's consent form (admins only): its details, and its statements, which
 * can be added, changed, removed and put in order while it is a draft. Publishing is in
 * publish-study-consent-form.ts. Every function takes the study's id with the form's (and the
 * statement's), so nothing of another study can be reached by changing an address or a form field.
 */

type Tx = Prisma.TransactionClient;

async function draftOf(tx: Tx, studyId: string, formId: string) {
  const form = await tx.consentForm.findFirst({ where: { id: formId, studyId } });
  if (!form) throw new ActionError("That consent form does not exist.");
  if (form.publishedAt)
    throw new ActionError(
      `Version ${form.version} is published, so it cannot be changed. Draft a new version instead.`,
    );
  // Serialises edits of one draft, so two admins reordering at once cannot tangle the positions.
  await tx.$executeRaw`select 1 from consent_forms where id = ${form.id}::uuid for update`;
  return form;
}

async function publishedSheetOf(tx: Tx, studyId: string, sheetId: string) {
  const sheet = await tx.informationSheet.findFirst({
    where: { id: sheetId, studyId, publishedAt: { not: null } },
    select: { id: true },
  });
  if (!sheet) throw new ActionError("Choose a published information sheet of this study", "informationSheetId");
  return sheet;
}

async function audit(
  tx: Tx,
  actor: Researcher,
  form: { id: string; studyId: string },
  change: string,
  action = "consent_form.draft_edited",
) {
  await recordAuditEvent(tx, {
    actorType: "RESEARCHER",
    actorId: actor.id,
    action,
    subjectType: "consent_form",
    subjectId: form.id,
    data: { studyId: form.studyId, change },
  });
}

const versionTaken = (version: string) =>
  new ActionError(`Version ${version} already exists for this study. Give this version its own label`, "version");
const keyTaken = (key: string) =>
  new ActionError(`Another statement on this form already has the key ${key}. Each statement needs its own key`, "key");

/**
 * A new draft. With `copyStatements`, it starts with the statements of the study's current form, so a
 * new version is usually a few edits away.
 */
export async function createConsentFormDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; form: ConsentFormDetailsInput; copyStatements: boolean },
): Promise<{ id: string }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const sheet = await publishedSheetOf(tx, input.studyId, input.form.informationSheetId);
      const current = input.copyStatements
        ? await tx.consentForm.findFirst({
            where: { studyId: input.studyId, publishedAt: { not: null } },
            orderBy: { publishedAt: "desc" },
            include: { statements: { orderBy: { position: "asc" } } },
          })
        : null;
      const form = await tx.consentForm.create({
        data: {
          studyId: input.studyId,
          informationSheetId: sheet.id,
          version: input.form.version,
          versionDate: input.form.versionDate,
          title: input.form.title,
          statements: {
            create: (current?.statements ?? []).map(({ position, key, text, required }) => ({
              position,
              key,
              text,
              required,
            })),
          },
        },
      });
      await audit(tx, actor, form, current ? "copied_statements" : "empty", "consent_form.drafted");
      return { id: form.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionTaken(input.form.version);
    throw error;
  }
}

export async function updateConsentFormDraft(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string; form: ConsentFormDetailsInput },
): Promise<void> {
  assertAdmin(actor);
  try {
    await db.$transaction(async (tx) => {
      const form = await draftOf(tx, input.studyId, input.formId);
      const sheet = await publishedSheetOf(tx, input.studyId, input.form.informationSheetId);
      await tx.consentForm.update({
        where: { id: form.id },
        data: {
          version: input.form.version,
          versionDate: input.form.versionDate,
          title: input.form.title,
          informationSheetId: sheet.id,
        },
      });
      await audit(tx, actor, form, "details");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionTaken(input.form.version);
    throw error;
  }
}

export async function addConsentStatement(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string; statement: ConsentStatementInput },
): Promise<{ id: string }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const form = await draftOf(tx, input.studyId, input.formId);
      const last = await tx.consentStatement.aggregate({ where: { consentFormId: form.id }, _max: { position: true } });
      const statement = await tx.consentStatement.create({
        data: { consentFormId: form.id, position: (last._max.position ?? 0) + 1, ...input.statement },
        select: { id: true },
      });
      await audit(tx, actor, form, "statement_added");
      return statement;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(input.statement.key);
    throw error;
  }
}

async function statementOf(tx: Tx, formId: string, statementId: string) {
  const statement = await tx.consentStatement.findFirst({ where: { id: statementId, consentFormId: formId } });
  if (!statement) throw new ActionError("That statement does not exist.");
  return statement;
}

export async function updateConsentStatement(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string; statementId: string; statement: ConsentStatementInput },
): Promise<void> {
  assertAdmin(actor);
  try {
    await db.$transaction(async (tx) => {
      const form = await draftOf(tx, input.studyId, input.formId);
      const statement = await statementOf(tx, form.id, input.statementId);
      await tx.consentStatement.update({ where: { id: statement.id }, data: input.statement });
      await audit(tx, actor, form, "statement_changed");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(input.statement.key);
    throw error;
  }
}

/** Removes a statement; those after it move up, so the numbers people see stay 1, 2, 3… */
export async function removeConsentStatement(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string; statementId: string },
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const form = await draftOf(tx, input.studyId, input.formId);
    const statement = await statementOf(tx, form.id, input.statementId);
    await tx.consentStatement.delete({ where: { id: statement.id } });
    // In two steps, through negative numbers: (form, position) is unique at every row, not at the end.
    await tx.$executeRaw`update consent_statements set position = -position where consent_form_id = ${form.id}::uuid and position > ${statement.position}`;
    await tx.$executeRaw`update consent_statements set position = -position - 1 where consent_form_id = ${form.id}::uuid and position < 0`;
    await audit(tx, actor, form, "statement_removed");
  });
}

/** Swaps a statement with the one above or below it; at the top or bottom already, nothing changes. */
export async function moveConsentStatement(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string; statementId: string; direction: "up" | "down" },
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const form = await draftOf(tx, input.studyId, input.formId);
    const statement = await statementOf(tx, form.id, input.statementId);
    const neighbour = await tx.consentStatement.findFirst({
      where: {
        consentFormId: form.id,
        position: input.direction === "up" ? { lt: statement.position } : { gt: statement.position },
      },
      orderBy: { position: input.direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return;
    await tx.consentStatement.update({ where: { id: statement.id }, data: { position: -1 } });
    await tx.consentStatement.update({ where: { id: neighbour.id }, data: { position: statement.position } });
    await tx.consentStatement.update({ where: { id: statement.id }, data: { position: neighbour.position } });
    await audit(tx, actor, form, "statement_moved");
  });
}

/** One consent form of a study, with its statements and information sheet. Null when it is not this study's. */
export async function findConsentFormForAdmin(
  db: Database,
  _actor: Researcher,
  input: { studyId: string; formId: string },
) {
  return db.consentForm.findFirst({
    where: { id: input.formId, studyId: input.studyId },
    include: {
      statements: { orderBy: { position: "asc" } },
      informationSheet: { select: { id: true, version: true, versionDate: true, title: true } },
      _count: { select: { consentRecords: true } },
    },
  });
}
