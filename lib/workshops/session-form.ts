import { z } from "zod";
import { ukStartFromFields } from "@/lib/interviews/interview-form";
import { onlineLinkProblem } from "@/lib/scheduling/links";
import { regionOptions } from "@/lib/registration/questions";
import { londonTimeToInstant, londonWallClock, parseWallTime } from "@/lib/text/london-time";

export const sessionFormFields = [
  "title",
  "day",
  "month",
  "year",
  "startTime",
  "endTime",
  "mode",
  "location",
  "onlineLink",
  "region",
  "capacity",
] as const;

export const MAX_CAPACITY = 1000;

const regionValues: readonly string[] = regionOptions.map((r) => r.value);

/**
 * Creating or editing a workshop session: a title, the date with start and end times in UK time
 * (Europe/London, GMT or BST as the date falls), online (an https link) or in person (a place), an
 * optional region, and how many people can come.
 */
export const sessionFormSchema = z
  .object({
    title: z.string().trim(),
    day: z.string().trim(),
    month: z.string().trim(),
    year: z.string().trim(),
    startTime: z.string().trim(),
    endTime: z.string().trim(),
    mode: z.string().trim(),
    location: z.string().trim(),
    onlineLink: z.string().trim(),
    region: z.string().trim(),
    capacity: z.string().trim(),
  })
  .transform((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.title === "") issue("title", "Enter a title for the session");
    else if (v.title.length > 200) issue("title", "The title must be 200 characters or fewer");

    const startsAt = ukStartFromFields({ day: v.day, month: v.month, year: v.year, time: v.startTime }, ctx, {
      date: "The date of the session",
      time: "The start time",
      timeField: "startTime",
    });
    let endsAt: Date | null = null;
    const end = parseWallTime(v.endTime);
    if (!end)
      issue("endTime", v.endTime ? "Enter the end time in 24-hour time, for example 16:30" : "Enter the end time");
    else if (startsAt) {
      const day = londonWallClock(startsAt);
      endsAt = londonTimeToInstant(day, end);
      if (!endsAt)
        issue(
          "endTime",
          "That time does not exist in the UK: the clocks go forward from 1am to 2am that night. Choose another time",
        );
      else if (endsAt.getTime() <= startsAt.getTime()) issue("endTime", "The end time must be after the start time");
    }

    const mode = v.mode === "ONLINE" ? ("ONLINE" as const) : v.mode === "IN_PERSON" ? ("IN_PERSON" as const) : null;
    if (!mode) issue("mode", "Choose whether the session is online or in person");
    if (mode === "IN_PERSON") {
      if (v.location === "") issue("location", "Enter where the session takes place");
      else if (v.location.length > 300) issue("location", "The place must be 300 characters or fewer");
    }
    if (mode === "ONLINE") {
      const problem = onlineLinkProblem(v.onlineLink);
      if (problem) issue("onlineLink", problem);
    }
    if (v.region !== "" && !regionValues.includes(v.region)) issue("region", "Choose a region from the list");

    const capacity = /^\d{1,4}$/.test(v.capacity) ? Number(v.capacity) : Number.NaN;
    if (v.capacity === "") issue("capacity", "Enter how many people can come");
    else if (!Number.isInteger(capacity))
      issue("capacity", "Enter how many people can come as a whole number, for example 12");
    else if (capacity < 1) issue("capacity", "The capacity must be at least 1");
    else if (capacity > MAX_CAPACITY) issue("capacity", `The capacity must be ${MAX_CAPACITY} or fewer`);

    if (ctx.issues.length > 0 || !startsAt || !endsAt || !mode) return z.NEVER;
    return {
      title: v.title,
      startsAt,
      endsAt,
      mode,
      location: mode === "IN_PERSON" ? v.location : null,
      onlineLink: mode === "ONLINE" ? v.onlineLink : null,
      region: v.region === "" ? null : v.region,
      capacity,
    };
  });

export type SessionForm = z.output<typeof sessionFormSchema>;
