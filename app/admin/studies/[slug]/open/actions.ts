"use server";

import { notFound, redirect } from "next/navigation";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { ActionError } from "@/lib/forms/action-error";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { openStudyForRecruitment } from "@/lib/studies/study-lifecycle";

/** Opening a study for recruitment: checked and audited in lib/studies/study-lifecycle. */

export async function openStudyAction(slug: string, _previous: ActionButtonState): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  try {
    await openStudyForRecruitment(getDb(), researcher, { studyId: study.id });
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  redirect(`/admin/studies/${study.slug}?done=opened`);
}
