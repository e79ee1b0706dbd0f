"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import {
  bulkInviteSchema,
  inviteVolunteers,
  StudyNotFoundError,
  type BulkInviteState,
} from "@/lib/volunteers/invite-volunteers";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/**
 * "Invite selected": the ticked participations of the study on the list. The outcome (who was invited,
 * who was not and why) comes back to the page rather than through the address, where it could be forged.
 */
export async function bulkInviteAction(_previous: BulkInviteState, formData: FormData): Promise<BulkInviteState> {
  const researcher = await requireResearcher();
  const parsed = bulkInviteSchema.safeParse({
    studyId: formData.get("studyId"),
    participationIds: formData.getAll("participationId"),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Select at least one volunteer to invite" };
  try {
    const result = await inviteVolunteers(getDb(), researcher, parsed.data);
    revalidatePath("/admin/volunteers");
    return { result };
  } catch (error) {
    if (error instanceof StudyNotFoundError) notFound();
    throw error;
  }
}
