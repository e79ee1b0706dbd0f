import { z } from "zod";
import { studySettingsFormSchema } from "./study-settings-form";

/**
 * The form that creates a study, as posted (every value a string). The settings it shares with the
 * settings form use that form's fields and words; a new study is always a draft, so it has no status.
 */
const s = studySettingsFormSchema.shape;

export const STUDY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const createStudyFormSchema = z
  .object({
    title: z.string().trim().min(1, "Enter the study's title").max(200, "The title must be 200 characters or fewer"),
    shortTitle: z
      .string()
      .trim()
      .min(1, "Enter a short title for the study")
      .max(80, "The short title must be 80 characters or fewer"),
    slug: z
      .string()
      .trim()
      .min(1, "Enter the study's web address")
      .max(64, "The web address must be 64 characters or fewer")
      .regex(
        STUDY_SLUG_PATTERN,
        "The web address must use only lower-case letters, digits and hyphens, and start with a letter or digit, like nurse-interviews-2027",
      ),
    summary: z
      .string()
      .trim()
      .min(1, "Enter a summary of the study")
      .max(2000, "The summary must be 2000 characters or fewer"),
    whatTakingPartInvolves: z
      .string()
      .trim()
      .min(1, "Enter what taking part involves")
      .max(5000, "What taking part involves must be 5000 characters or fewer"),
    ethicsCommittee: z.string().trim().max(200, "The ethics committee's name must be 200 characters or fewer"),
    ethicsReference: z.string().trim().max(64, "The ethics reference must be 64 characters or fewer"),
    kind: z.enum(["INTERVIEW", "WORKSHOP"], "Choose the study's format"),
    targetMin: s.targetMin,
    targetMax: s.targetMax,
    invitationMode: s.invitationMode,
    consentRequired: s.consentRequired,
    considerationPeriodHours: s.considerationPeriodHours,
    reminderAfterDays: s.reminderAfterDays,
    retentionDays: s.retentionDays,
    interviewBookingCutoffHours: s.interviewBookingCutoffHours,
    workshopOfferHours: s.workshopOfferHours,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    questions: z.enum(["existing", "own"], "Choose which questions the study asks"),
    questionSetId: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.targetMax === null && v.targetMin !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["targetMax"],
        message: "Enter the largest number of participants as well as the smallest",
      });
    }
    if (v.targetMin !== null && v.targetMax !== null && v.targetMin > v.targetMax) {
      ctx.addIssue({
        code: "custom",
        path: ["targetMin"],
        message: "The smallest number of participants must not be more than the largest",
      });
    }
    if ((v.ethicsCommittee === "") !== (v.ethicsReference === "")) {
      ctx.addIssue({
        code: "custom",
        path: [v.ethicsCommittee === "" ? "ethicsCommittee" : "ethicsReference"],
        message: "Enter both the ethics committee and its reference, or leave both empty",
      });
    }
    if (v.questions === "existing" && !z.uuid().safeParse(v.questionSetId).success) {
      ctx.addIssue({ code: "custom", path: ["questionSetId"], message: "Choose the question set the study uses" });
    }
  });

export type CreateStudyFormValues = z.input<typeof createStudyFormSchema>;
export type NewStudy = z.output<typeof createStudyFormSchema>;
export const CREATE_STUDY_FIELDS = Object.keys(createStudyFormSchema.shape);

/** The form as it first shows: the schema's defaults (prisma/schema.prisma) and the call's question set. */
export function newStudyFormValues(firstQuestionSetId: string | undefined): Record<string, string> {
  return {
    title: "",
    shortTitle: "",
    slug: "",
    summary: "",
    whatTakingPartInvolves: "",
    ethicsCommittee: "",
    ethicsReference: "",
    kind: "",
    targetMin: "",
    targetMax: "",
    invitationMode: "AFTER_TRIAGE",
    consentRequired: "yes",
    considerationPeriodHours: "0",
    reminderAfterDays: "7",
    retentionDays: "365",
    interviewBookingCutoffHours: "24",
    workshopOfferHours: "48",
    contactName: "",
    contactEmail: "",
    questions: firstQuestionSetId ? "existing" : "own",
    questionSetId: firstQuestionSetId ?? "",
  };
}
