/**
 * A request that cannot be carried out for a reason the person can act on. The message is written for
 * them and safe to show; anything unexpected is a plain Error and shows a generic message instead.
 */
export class ParticipationError extends Error {}
