"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { formValues, type FormState } from "@/lib/forms/form-state";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { formTarget, parseAndRun, runOrRefuse } from "@/lib/scheduling/refusal-state";
import { answerWorkshopOffer, type OfferAnswer } from "@/lib/workshops/answer-workshop-offer";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { cancelWorkshopPlace } from "@/lib/workshops/cancel-workshop-place";
import { placeFormSchema } from "@/lib/workshops/place-forms";

const page = (token: string, participationId: string, done: string) =>
  `/manage/${token}/workshop?p=${participationId}&done=${done}`;

/** The person themself, from the personal link: the link must still be good, or nothing is done. */
async function participant(token: string) {
  const access = await findManageAccess(getDb(), token);
  if (!access) redirect(`/manage/${token}`);
  return { type: "PARTICIPANT" as const, volunteerId: access.volunteerId };
}

/** Takes a place at the session chosen, or joins its waiting list if it is full. */
export async function chooseWorkshopSessionAction(
  token: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await participant(token);
  const target = formTarget(actor.volunteerId, formData, ["participationId"]);
  const values = formValues(formData, ["sessionId"]);
  return parseAndRun(values, placeFormSchema, async (data) => {
    const outcome = await assignWorkshopPlace(getDb(), actor, { ...target, sessionId: data.sessionId });
    return page(
      token,
      target.participationId,
      `${outcome.moved ? "moved-" : ""}${outcome.status === "BOOKED" ? "booked" : "waitlisted"}`,
    );
  });
}

/** Gives up their place, or leaves the waiting list. */
export async function cancelOwnWorkshopPlaceAction(
  token: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await participant(token);
  const target = formTarget(actor.volunteerId, formData, ["participationId", "bookingId"]);
  return runOrRefuse({}, async () => {
    await cancelWorkshopPlace(getDb(), actor, target);
    return page(token, target.participationId, "cancelled");
  });
}

/** Accepts, or declines, the place offered to them from the waiting list. */
export async function answerWorkshopOfferAction(
  token: string,
  answer: OfferAnswer,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await participant(token);
  const target = formTarget(actor.volunteerId, formData, ["participationId", "bookingId"]);
  return runOrRefuse({}, async () => {
    await answerWorkshopOffer(getDb(), actor, { ...target, answer });
    return page(token, target.participationId, answer === "ACCEPT" ? "accepted" : "declined");
  });
}
