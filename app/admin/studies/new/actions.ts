"use server";

import { redirect } from "next/navigation";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { ActionError } from "@/lib/forms/action-error";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { CREATE_STUDY_FIELDS, createStudyFormSchema } from "@/lib/studies/create-study-form";
import { createStudy } from "@/lib/studies/create-study";

export async function createStudyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const values = formValues(formData, CREATE_STUDY_FIELDS);
  const parsed = createStudyFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  let slug: string;
  try {
    slug = (await createStudy(getDb(), researcher, parsed.data)).slug;
  } catch (error) {
    if (error instanceof ActionError) return { errors: { [error.field ?? "form"]: error.message }, values };
    throw error;
  }
  redirect(`/admin/studies/${slug}?done=created`);
}
