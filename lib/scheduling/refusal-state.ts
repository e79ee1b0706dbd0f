import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { NotAllowedError } from "@/lib/auth/permissions";
import { SchedulingError, SchedulingNotFoundError } from "./errors";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";

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

/**
 * Runs a scheduling command for a form and follows it to the page it names (a redirect), or answers the
 * form with the refusal. The redirect is outside the try, so Next.js's redirect signal is never caught.
 */
export async function runOrRefuse(values: Record<string, string>, run: () => Promise<string>): Promise<FormState> {
  let next: string;
  try {
    next = await run();
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(next);
}

/** The ids a scheduling form names: from the address (the volunteer) and hidden fields. All UUIDs, or a 404. */
export function formTarget<K extends string>(
  volunteerId: string,
  formData: FormData,
  keys: readonly K[],
): { volunteerId: string } & Record<K, string> {
  const shape = Object.fromEntries([["volunteerId", z.uuid()], ...keys.map((k) => [k, z.uuid()])]);
  const parsed = z.object(shape).safeParse({ volunteerId, ...formValues(formData, keys) });
  if (!parsed.success) notFound();
  return parsed.data as { volunteerId: string } & Record<K, string>;
}

/** Checks a scheduling form's values against its schema, then runs the command as `runOrRefuse` does. */
export async function parseAndRun<T>(
  values: Record<string, string>,
  schema: z.ZodType<T>,
  run: (data: T) => Promise<string>,
): Promise<FormState> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  return runOrRefuse(values, () => run(parsed.data));
}
