"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { refusalState } from "@/lib/scheduling/refusal-state";
import { assignWorkshopPlace, type AssignOutcome } from "@/lib/workshops/assign-workshop-place";
import { cancelWorkshopPlace } from "@/lib/workshops/cancel-workshop-place";
import { attendanceFormSchema, placeFormSchema } from "@/lib/workshops/place-forms";
import { recordWorkshopAttendance } from "@/lib/workshops/record-workshop-attendance";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** The ids a workshop form names: from the address (the volunteer) and hidden fields. All UUIDs, or a 404. */
function ids<K extends "participationId" | "bookingId">(
  volunteerId: string,
  formData: FormData,
  keys: readonly K[],
): { volunteerId: string } & Record<K, string> {
  const shape = Object.fromEntries([["volunteerId", z.uuid()], ...keys.map((k) => [k, z.uuid()])]);
  const parsed = z.object(shape).safeParse({ volunteerId, ...formValues(formData, keys) });
  if (!parsed.success) notFound();
  return parsed.data as { volunteerId: string } & Record<K, string>;
}

const page = (volunteerId: string, done: string) => `/admin/volunteers/${volunteerId}/workshop?done=${done}`;

export async function assignWorkshopPlaceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId"]);
  const values = formValues(formData, ["sessionId"]);
  const parsed = placeFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  let outcome: AssignOutcome;
  try {
    outcome = await assignWorkshopPlace(getDb(), researcher, { ...target, sessionId: parsed.data.sessionId });
  } catch (error) {
    return refusalState(error, values);
  }
  const done = `${outcome.moved ? "moved-" : ""}${outcome.status === "BOOKED" ? "booked" : "waitlisted"}`;
  redirect(page(target.volunteerId, done));
}

export async function cancelWorkshopPlaceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId", "bookingId"]);
  try {
    await cancelWorkshopPlace(getDb(), researcher, target);
  } catch (error) {
    return refusalState(error, {});
  }
  redirect(page(target.volunteerId, "cancelled"));
}

export async function recordWorkshopAttendanceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = ids(volunteerId, formData, ["participationId", "bookingId"]);
  const values = formValues(formData, ["attendance"]);
  const parsed = attendanceFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const attended = parsed.data.attendance === "ATTENDED";
  try {
    await recordWorkshopAttendance(getDb(), researcher, { ...target, attended });
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(page(target.volunteerId, attended ? "attended" : "did-not-attend"));
}
