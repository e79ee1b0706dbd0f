"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { ParticipationError } from "@/lib/participation/errors";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { withdrawalFormSchema } from "@/lib/participation/withdrawal-form";
import { withdrawParticipation } from "@/lib/participation/withdraw";

/** Withdraws the person, as they chose on the form, from one study or all. */
export async function withdrawAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await findManageAccess(getDb(), token);
  if (!access) redirect(`/manage/${token}`);
  const values = formValues(formData, ["from", "dataChoice", "reason"]);
  const parsed = withdrawalFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
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
