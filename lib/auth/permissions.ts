import type { Researcher } from "./researcher-session";

/** A researcher tried something only an admin may do: the data layer refuses, whatever the page did. */
export class NotAllowedError extends Error {
  constructor(message = "Only an admin can do this.") {
    super(message);
  }
}

export function assertAdmin(actor: Researcher): void {
  if (actor.role !== "ADMIN") throw new NotAllowedError();
}
