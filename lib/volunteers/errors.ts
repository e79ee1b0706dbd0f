/**
 * The volunteer, participation or record named in a URL or a form does not exist, or is not this
 * volunteer's: pages and actions answer with a 404, the same for both, so ids cannot be probed.
 */
export class RecordNotFoundError extends Error {
  constructor(message = "That record does not exist.") {
    super(message);
  }
}

/** The typed confirmation of an erasure did not match: the message is safe to show. */
export class ErasureConfirmationError extends Error {}
