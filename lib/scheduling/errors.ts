import { ParticipationError } from "@/lib/participation/errors";

/**
 * A scheduling request refused for a reason the researcher can act on; safe to show. With `field`, the
 * message belongs beside that field of the form (e.g. a capacity below the places already booked).
 */
export class SchedulingError extends ParticipationError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The record named in the address or the form does not exist, or is not this person's: a 404. */
export class SchedulingNotFoundError extends Error {
  constructor(what = "That record") {
    super(`${what} does not exist.`);
  }
}

export const NEEDS_CONSENT = "Scheduling needs a signed consent first";
