"use server";

import { bookInterviewSlot } from "@/lib/interviews/book-interview-slot";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import {
  interviewFormFields,
  interviewFormSchema,
  outcomeFormSchema,
  slotChoiceFormSchema,
} from "@/lib/interviews/interview-form";
import { recordInterviewOutcome } from "@/lib/interviews/record-interview-outcome";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { formValues, type FormState } from "@/lib/forms/form-state";
import { formTarget, parseAndRun, runOrRefuse } from "@/lib/scheduling/refusal-state";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

const page = (volunteerId: string, done: string) => `/admin/volunteers/${volunteerId}/interview?done=${done}`;

export async function scheduleInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId"]);
  const values = formValues(formData, interviewFormFields);
  return parseAndRun(values, interviewFormSchema, async (data) => {
    await scheduleInterview(getDb(), researcher, { ...target, ...data });
    return page(target.volunteerId, "booked");
  });
}

export async function rescheduleInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId", "interviewId"]);
  const values = formValues(formData, interviewFormFields);
  return parseAndRun(values, interviewFormSchema, async (data) => {
    await rescheduleInterview(getDb(), researcher, { ...target, ...data });
    return page(target.volunteerId, "moved");
  });
}

export async function cancelInterviewAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId", "interviewId"]);
  return runOrRefuse({}, async () => {
    await cancelInterview(getDb(), researcher, target);
    return page(target.volunteerId, "cancelled");
  });
}

export async function recordInterviewOutcomeAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId", "interviewId"]);
  const values = formValues(formData, ["outcome"]);
  return parseAndRun(values, outcomeFormSchema, async ({ outcome }) => {
    await recordInterviewOutcome(getDb(), researcher, { ...target, outcome });
    return page(target.volunteerId, outcome === "COMPLETED" ? "completed" : "did-not-attend");
  });
}

/** Books one of the study's published times for them, as they could themselves from their link. */
export async function bookPublishedSlotAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId"]);
  const values = formValues(formData, ["slotId"]);
  return parseAndRun(values, slotChoiceFormSchema, async ({ slotId }) => {
    const { moved } = await bookInterviewSlot(getDb(), { type: "RESEARCHER", researcher }, { ...target, slotId });
    return page(target.volunteerId, moved ? "moved" : "booked");
  });
}
