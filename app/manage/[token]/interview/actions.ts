"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { formValues, type FormState } from "@/lib/forms/form-state";
import { bookOwnSlotFromLink, cancelOwnInterviewFromLink, type OwnChangeResult } from "@/lib/interviews/own-interview";

/** Follows a change made from the personal link: onwards when done, back to the form when refused. */
function answer(token: string, result: OwnChangeResult, values: Record<string, string>, next: string): FormState {
  if (result.kind === "invalid") redirect(`/manage/${token}`);
  if (result.kind === "not-found") notFound();
  if (result.kind === "refused") {
    // The chooser shows the times still open, without the one just taken.
    revalidatePath(`/manage/${token}/interview`);
    return result.field
      ? { errors: { [result.field]: result.message }, values }
      : { errors: {}, formError: result.message, values };
  }
  redirect(next);
}

export async function bookOwnSlotAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["participationId", "slotId"]);
  const result = await bookOwnSlotFromLink(getDb(), token, {
    participationId: values.participationId!,
    slotId: values.slotId!,
  });
  const done = result.kind === "done" && result.moved ? "moved" : "booked";
  return answer(token, result, values, `/manage/${token}/interview?for=${values.participationId}&done=${done}`);
}

export async function cancelOwnInterviewAction(
  token: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData, ["participationId"]);
  const result = await cancelOwnInterviewFromLink(getDb(), token, { participationId: values.participationId! });
  return answer(token, result, values, `/manage/${token}?cancelled=1`);
}
