import type { Researcher } from "@/lib/auth/researcher-session";
import { SchedulingNotFoundError } from "@/lib/scheduling/errors";

/**
 * Who is giving or taking a workshop place: the person themself, from their personal link, or a
 * researcher on their behalf. Both go through the same commands, so the capacity, the waiting list and
 * the emails are the same whoever acts; only the audit's actor and a few words differ.
 */
export type PlaceActor = { type: "PARTICIPANT"; volunteerId: string } | { type: "RESEARCHER"; researcher: Researcher };

export function byResearcher(researcher: Researcher): PlaceActor {
  return { type: "RESEARCHER", researcher };
}

export function auditActorOf(actor: PlaceActor) {
  return actor.type === "PARTICIPANT"
    ? { actorType: "PARTICIPANT" as const, actorId: actor.volunteerId }
    : { actorType: "RESEARCHER" as const, actorId: actor.researcher.id };
}

/** A participant acts only on their own participation: anyone else's is, to them, not there. */
export function assertOwnParticipation(actor: PlaceActor, volunteerId: string): void {
  if (actor.type === "PARTICIPANT" && actor.volunteerId !== volunteerId)
    throw new SchedulingNotFoundError("That participation");
}

/** The same refusal in the words for whoever acts: "you" for the person, "this person" for the team. */
export function wordsFor(actor: PlaceActor, forParticipant: string, forResearcher: string): string {
  return actor.type === "PARTICIPANT" ? forParticipant : forResearcher;
}
