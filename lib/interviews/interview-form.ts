import { z } from "zod";
import { teamsLinkProblem } from "@/lib/scheduling/links";
import { londonTimeToInstant, parseCalendarDate, parseWallTime } from "@/lib/text/london-time";

export const INTERVIEW_MINUTES = { min: 30, max: 35 } as const;

export const interviewFormFields = ["day", "month", "year", "time", "duration", "meetingLink"] as const;

/** Why the interview's length is not allowed; null if it is. */
export function durationProblem(minutes: number): string | null {
  return Number.isInteger(minutes) && minutes >= INTERVIEW_MINUTES.min && minutes <= INTERVIEW_MINUTES.max
    ? null
    : `Enter a length between ${INTERVIEW_MINUTES.min} and ${INTERVIEW_MINUTES.max} minutes`;
}

/**
 * A date and a start time typed in UK time (Europe/London), as the instant they mean. Adds an issue at
 * "date" or "time" (for the error summary and the field) when either is missing, not real, or skipped by
 * the clocks going forward.
 */
export function ukStartFromFields(
  v: { day: string; month: string; year: string; time: string },
  ctx: z.RefinementCtx,
  words: { date: string; time: string; timeField?: string },
): Date | null {
  const timeField = words.timeField ?? "time";
  const anyDate = v.day !== "" || v.month !== "" || v.year !== "";
  const date = parseCalendarDate(v.day, v.month, v.year);
  if (!date)
    ctx.addIssue({
      code: "custom",
      path: ["date"],
      message: anyDate
        ? `${words.date} must be a real date, for example 27 3 2027`
        : `Enter ${words.date.toLowerCase()}`,
    });
  const time = parseWallTime(v.time);
  if (!time) {
    ctx.addIssue({
      code: "custom",
      path: [timeField],
      message: v.time
        ? `Enter ${words.time.toLowerCase()} in 24-hour time, for example 14:30`
        : `Enter ${words.time.toLowerCase()}`,
    });
  }
  if (!date || !time) return null;
  const instant = londonTimeToInstant(date, time);
  if (!instant) {
    ctx.addIssue({
      code: "custom",
      path: [timeField],
      message:
        "That time does not exist in the UK: the clocks go forward from 1am to 2am that night. Choose another time",
    });
  }
  return instant;
}

/** Scheduling or moving an interview: the date and start time in UK time, its length, and the Teams link. */
export const interviewFormSchema = z
  .object({
    day: z.string().trim(),
    month: z.string().trim(),
    year: z.string().trim(),
    time: z.string().trim(),
    duration: z.string().trim(),
    meetingLink: z.string().trim(),
  })
  .transform((v, ctx) => {
    const startsAt = ukStartFromFields(v, ctx, { date: "The date of the interview", time: "The start time" });
    const durationMinutes = /^\d{1,3}$/.test(v.duration) ? Number(v.duration) : Number.NaN;
    const duration = durationProblem(durationMinutes);
    if (duration) ctx.addIssue({ code: "custom", path: ["duration"], message: duration });
    const link = teamsLinkProblem(v.meetingLink);
    if (link) ctx.addIssue({ code: "custom", path: ["meetingLink"], message: link });
    if (!startsAt || duration || link) return z.NEVER;
    return { startsAt, durationMinutes, meetingLink: v.meetingLink };
  });

export type InterviewForm = z.output<typeof interviewFormSchema>;

/** Recording what happened at an interview (or a workshop): it took place, or the person did not come. */
export const outcomeFormSchema = z.object({
  outcome: z.enum(["COMPLETED", "DID_NOT_ATTEND"], { error: "Choose whether the interview took place" }),
});

/** Choosing one of the published interview times (the data layer checks it is this study's and free). */
export const slotChoiceFormSchema = z.object({
  slotId: z.uuid({ error: "Choose one of the published times" }),
});
