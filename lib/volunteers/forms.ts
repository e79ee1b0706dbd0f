import { z } from "zod";

/**
 * The forms of a volunteer's page, one zod schema each, used by the server actions (and by any client
 * validation). Ids come from hidden fields and are checked again by the data layer against the volunteer
 * in the URL, so changing one in the browser reaches nothing.
 */

export const volunteerIdSchema = z.uuid();

const optionalText = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max, message).optional(),
  );

export const inviteFormSchema = z.object({
  volunteerId: z.uuid(),
  participationId: z.uuid(),
});

export const overrideEligibilityFormSchema = z.object({
  volunteerId: z.uuid(),
  participationId: z.uuid(),
  outcome: z.enum(["ELIGIBLE", "INELIGIBLE"], { error: "Choose whether they are eligible for this study" }),
  reason: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "Give the reason for overriding their eligibility" })
      .min(1, "Give the reason for overriding their eligibility")
      .max(1000, "The reason must be 1000 characters or fewer"),
  ),
});

export const clearOverrideFormSchema = z.object({
  volunteerId: z.uuid(),
  participationId: z.uuid(),
});

export const withdrawalChannels = [
  { value: "phone", label: "By phone" },
  { value: "email", label: "By email" },
  { value: "in-person", label: "In person" },
  { value: "letter", label: "By letter" },
] as const;

export const recordWithdrawalFormSchema = z.object({
  volunteerId: z.uuid(),
  from: z.union([z.literal("all"), z.uuid({ error: "Choose which study they are withdrawing from" })], {
    error: "Choose which study they are withdrawing from",
  }),
  channel: z.enum(
    withdrawalChannels.map((c) => c.value),
    { error: "Choose how they told you" },
  ),
  dataChoice: z.enum(["KEEP", "REMOVE"], {
    error: "Choose what should happen to the information they have already given",
  }),
  reason: optionalText(1000, "The reason must be 1000 characters or fewer"),
});

export const eraseFormSchema = z.object({
  volunteerId: z.uuid(),
  confirmEmail: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "Type their email address to confirm" })
      .min(1, "Type their email address to confirm")
      .max(254, "Type their email address to confirm"),
  ),
});
