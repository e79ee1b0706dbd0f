"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { ParticipationError } from "@/lib/participation/errors";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { withdrawalFormSchema } from "@/lib/participation/withdrawal-form";
import { withdrawParticipation } from "@/lib/participation/withdraw";

export type WithdrawalFormState = { errors: Record<string, string>; values: Record<string, string> } | null;

/** Withdraws the person, as they chose on the form, from one study or all. */
export async function withdrawAction(
  token: string,
  _previous: WithdrawalFormState,
  formData: FormData,
): Promise<WithdrawalFormState> {
  const access = await findManageAccess(getDb(), token);
  if (!access) redirect(`/manage/${token}`);
  const values = Object.fromEntries(["from", "dataChoice", "reason"].map((k) => [k, String(formData.get(k) ?? "")]));
  const parsed = withdrawalFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { errors, values };
  }
  try {
    await withdrawParticipation(getDb(), {
      volunteerId: access.volunteerId,
      participationIds: parsed.data.from === "all" ? "all" : [parsed.data.from],
      method: "SELF_SERVICE",
      dataChoice: parsed.data.dataChoice,
      reason: parsed.data.reason ?? null,
    });
  } catch (error) {
    if (error instanceof ParticipationError) return { errors: { from: error.message }, values };
    throw error;
  }
  redirect(`/manage/${token}?withdrawn=1`);
}
