"use server";

import { formValues, type FormState } from "@/lib/forms/form-state";
import { formTarget, parseAndRun, runOrRefuse } from "@/lib/scheduling/refusal-state";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { cancelWorkshopPlace } from "@/lib/workshops/cancel-workshop-place";
import { byResearcher } from "@/lib/workshops/place-actor";
import { attendanceFormSchema, placeFormSchema } from "@/lib/workshops/place-forms";
import { recordWorkshopAttendance } from "@/lib/workshops/record-workshop-attendance";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

const page = (volunteerId: string, done: string) => `/admin/volunteers/${volunteerId}/workshop?done=${done}`;

export async function assignWorkshopPlaceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId"]);
  const values = formValues(formData, ["sessionId"]);
  return parseAndRun(values, placeFormSchema, async (data) => {
    const outcome = await assignWorkshopPlace(getDb(), byResearcher(researcher), {
      ...target,
      sessionId: data.sessionId,
    });
    return page(
      target.volunteerId,
      `${outcome.moved ? "moved-" : ""}${outcome.status === "BOOKED" ? "booked" : "waitlisted"}`,
    );
  });
}

export async function cancelWorkshopPlaceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId", "bookingId"]);
  return runOrRefuse({}, async () => {
    await cancelWorkshopPlace(getDb(), byResearcher(researcher), target);
    return page(target.volunteerId, "cancelled");
  });
}

export async function recordWorkshopAttendanceAction(
  volunteerId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher();
  const target = formTarget(volunteerId, formData, ["participationId", "bookingId"]);
  const values = formValues(formData, ["attendance"]);
  return parseAndRun(values, attendanceFormSchema, async (data) => {
    const attended = data.attendance === "ATTENDED";
    await recordWorkshopAttendance(getDb(), researcher, { ...target, attended });
    return page(target.volunteerId, attended ? "attended" : "did-not-attend");
  });
}
