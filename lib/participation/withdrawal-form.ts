import { z } from "zod";

/** The self-service withdrawal form: which study (or all), what happens to data given, an optional reason. */
export const withdrawalFormSchema = z.object({
  from: z.union([z.literal("all"), z.uuid({ error: "Choose which study to withdraw from" })], {
    error: "Choose which study to withdraw from",
  }),
  dataChoice: z.enum(["KEEP", "REMOVE"], {
    error: "Choose what should happen to the information you have already given",
  }),
  reason: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(1000, "Your reason must be 1000 characters or fewer").optional(),
  ),
});
