import { z } from "zod";

/** The forms of the researchers page, as posted, one schema each. */
export const addResearcherFormSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter their email address")
    .max(254, "The email address must be 254 characters or fewer")
    .pipe(z.email("Enter their email address in the correct format, like name@imperial.ac.uk")),
  name: z.string().trim().min(1, "Enter their full name").max(200, "The name must be 200 characters or fewer"),
  role: z.enum(["ADMIN", "RESEARCHER"], "Choose their role"),
});
export type AddResearcherInput = z.output<typeof addResearcherFormSchema>;

export const researcherRoleFormSchema = z.object({
  role: z.enum(["ADMIN", "RESEARCHER"], "Choose their role"),
});

export const researcherIdSchema = z.uuid();
