import { z } from "zod";

/**
 * The consent form's answers, as the browser sends them and the server checks them again: one field per
 * statement (`statement-<id>`, "yes" or "no"), required statements must be "yes", and the typed name is
 * the signature. Built from the statements of the form being signed, on both sides.
 */
export type StatementForSchema = { id: string; position: number; required: boolean };

export const statementField = (statementId: string) => `statement-${statementId}`;

export function consentAnswersSchema(statements: readonly StatementForSchema[]) {
  const shape: Record<string, z.ZodType> = {
    signedName: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z
        .string({ error: "Type your full name to sign the form" })
        .min(1, "Type your full name to sign the form")
        .max(200, "Your name must be 200 characters or fewer")
        .regex(/^[^\u0000-\u001f\u007f]*$/, "Remove any special characters from your name")
        .refine((v) => /\p{L}/u.test(v), "Type your full name using letters"),
    ),
  };
  for (const s of statements) {
    shape[statementField(s.id)] = s.required
      ? z.literal("yes", { error: `Agree to statement ${s.position} to take part, or choose not to take part` })
      : z.enum(["yes", "no"], { error: `Choose yes or no for statement ${s.position}` });
  }
  return z.object(shape);
}

export type ConsentAnswers = { signedName: string; agreed: Map<string, boolean> };

/** Reads checked answers into a statement id → agreed map. */
export function toConsentAnswers(
  values: Record<string, unknown>,
  statements: readonly StatementForSchema[],
): ConsentAnswers {
  return {
    signedName: String(values.signedName),
    agreed: new Map(statements.map((s) => [s.id, values[statementField(s.id)] === "yes"])),
  };
}
