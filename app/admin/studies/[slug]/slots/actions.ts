"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { firstErrorPerField, formValues, type FormState, type FormValues } from "@/lib/forms/form-state";
import { publishInterviewSlots, withdrawInterviewSlot } from "@/lib/interviews/interview-slots";
import { findInterviewSlot } from "@/lib/interviews/list-interview-slots";
import { publishSpan } from "@/lib/interviews/slot-preview";
import { slotPatternFormFields, slotPatternFormSchema } from "@/lib/interviews/slot-pattern";
import { refusalState } from "@/lib/scheduling/refusal-state";
import { studySlugSchema } from "@/lib/studies/study-settings-form";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** Publishes the times the form describes, all or none, and shows them on the study's calendar. */
export async function publishSlotsAction(
  slug: string,
  _previous: FormState<object, FormValues>,
  formData: FormData,
): Promise<FormState<object, FormValues>> {
  const researcher = await requireResearcher();
  if (!studySlugSchema.safeParse(slug).success) notFound();
  const db = getDb();
  const study = await db.study.findUnique({ where: { slug }, select: { id: true, kind: true } });
  if (!study || study.kind !== "INTERVIEW") notFound();
  const values = formValues(formData, slotPatternFormFields, { lists: ["days"] });
  const parsed = slotPatternFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const { startsAt, ...rest } = parsed.data;
  try {
    await publishInterviewSlots(db, researcher, { studyId: study.id, startsAt, ...rest });
  } catch (error) {
    const refused = refusalState(error, {});
    return refused && { ...refused, values };
  }
  const span = publishSpan(startsAt)!;
  const words = new URLSearchParams({
    done: "published",
    count: String(span.count),
    first: span.first.toISOString(),
    last: span.last.toISOString(),
  });
  redirect(`/admin/studies/${slug}/slots?${words}`);
}

/** Takes an unbooked time off offer; a booked one is refused with the data layer's reason. */
export async function withdrawSlotAction(
  slug: string,
  slotId: string,
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  if (!studySlugSchema.safeParse(slug).success || !z.uuid().safeParse(slotId).success) notFound();
  const db = getDb();
  // The slot must be this study's: an id from another study is a 404, not a withdrawal.
  if (!(await findInterviewSlot(db, researcher, { studySlug: slug, slotId }))) notFound();
  try {
    await withdrawInterviewSlot(db, researcher, { slotId });
  } catch (error) {
    // The confirmation has no field to show a reason beside, so it goes above the button.
    const refused = refusalState(error, {});
    return refused && { errors: {}, formError: refused.formError ?? Object.values(refused.errors)[0], values: {} };
  }
  redirect(`/admin/studies/${slug}/slots?done=withdrawn`);
}
