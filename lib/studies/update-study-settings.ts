import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { ActionError } from "../forms/action-error";
import { studySettingsFields, type StudySettings } from "./study-settings-form";
import { openingProblems, StudyCannotOpenError } from "./study-lifecycle";

export const CHANGED_MEANWHILE =
  "Someone else changed this study while you were editing. Check the settings shown now and make your change again.";

/**
 * Saves a study's settings (admins only). `expectedUpdatedAt` is the version the form was opened with: if
 * the study changed since, nothing is saved, so one admin cannot silently undo another's change. The
 * audit event names the fields that changed.
 */
export async function updateStudySettings(
  db: Database,
  actor: Researcher,
  input: { studyId: string; settings: StudySettings; expectedUpdatedAt: Date },
): Promise<{ changed: string[] }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const study = await tx.study.findUnique({ where: { id: input.studyId } });
    if (!study) throw new ActionError("That study does not exist.");
    if (study.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) throw new ActionError(CHANGED_MEANWHILE);
    const changed = studySettingsFields.filter((field) => study[field] !== input.settings[field]);
    if (changed.length === 0) return { changed };
    // Opening through the settings is held to the same checks as "Open for recruitment".
    if (study.status !== "RECRUITING" && input.settings.status === "RECRUITING") {
      const problems = await openingProblems(tx, study.id);
      if (problems.length > 0) throw new StudyCannotOpenError(problems);
    }
    // Conditional on the version read, so that of two admins saving at once, only the first succeeds.
    const { count } = await tx.study.updateMany({
      where: { id: study.id, updatedAt: study.updatedAt },
      data: input.settings,
    });
    if (count !== 1) throw new ActionError(CHANGED_MEANWHILE);
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "study.settings_changed",
      subjectType: "study",
      subjectId: study.id,
      data: { changed, status: input.settings.status, invitationMode: input.settings.invitationMode },
    });
    return { changed };
  });
}
