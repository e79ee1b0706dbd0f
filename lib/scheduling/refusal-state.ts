import "server-only";
import { forbidden, notFound } from "next/navigation";
import { NotAllowedError } from "@/lib/auth/permissions";
import { SchedulingError, SchedulingNotFoundError } from "./errors";
import type { FormState } from "@/lib/forms/form-state";

/**
 * What a scheduling server action answers when the data layer refused: a record that is not there (or
 * not this person's) is a 404, a role that is not enough a 403, and a reason the researcher can act on
 * goes back to the form, beside its field or above the form. Anything else is unexpected and rethrown.
 */
export function refusalState(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof SchedulingNotFoundError) notFound();
  if (error instanceof NotAllowedError) forbidden();
  if (error instanceof SchedulingError) {
    return error.field
      ? { errors: { [error.field]: error.message }, values }
      : { errors: {}, formError: error.message, values };
  }
  throw error;
}
