"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import { interviewFormFields, interviewFormSchema, outcomeFormSchema } from "@/lib/interviews/interview-form";
import { recordInterviewOutcome } from "@/lib/interviews/record-interview-outcome";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { refusalState } from "@/lib/scheduling/refusal-state";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** The ids an interview form names: from the address (the volunteer) and hidden fields. All UUIDs, or a 404. */
function ids<K extends "participationId" | "interviewId">(
  volunteerId: string,
  formData: FormData,
  keys: readonly K[],
): { volunteerId: string } & Record<K, string> {
  const shape = Object.fromEntries([["volunteerId", z.uuid()], ...keys.map((k) => [k, z.uuid()])]);
  const parsed = z.object(shape).safeParse({ volunteerId, ...formValues(formData, keys) });
  if (!parsed.success) notFound();
  return parsed.data as { volunteerId: string } & Record<K, string>;
}

const page = (volunteerId: string, done: string) => `/admin/volunteers/${volunteerId}/interview?done=${done}`;

export async function scheduleInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId"]);
  const values = formValues(formData, interviewFormFields);
  const parsed = interviewFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  try {
    await scheduleInterview(getDb(), researcher, { ...target, ...parsed.data });
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(page(target.volunteerId, "booked"));
}

export async function rescheduleInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId", "interviewId"]);
  const values = formValues(formData, interviewFormFields);
  const parsed = interviewFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  try {
    await rescheduleInterview(getDb(), researcher, { ...target, ...parsed.data });
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(page(target.volunteerId, "moved"));
}

export async function cancelInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId", "interviewId"]);
  try {
    await cancelInterview(getDb(), researcher, target);
  } catch (error) {
    return refusalState(error, {});
  }
  redirect(page(target.volunteerId, "cancelled"));
}

export async function recordInterviewOutcomeAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId", "interviewId"]);
  const values = formValues(formData, ["outcome"]);
  const parsed = outcomeFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  try {
    await recordInterviewOutcome(getDb(), researcher, { ...target, outcome: parsed.data.outcome });
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(page(target.volunteerId, parsed.data.outcome === "COMPLETED" ? "completed" : "did-not-attend"));
}
