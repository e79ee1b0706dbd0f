import { z } from "zod";
import { teamsLinkProblem } from "@/lib/scheduling/links";
import {
  londonTimeToInstant,
  parseCalendarDate,
  parseWallTime,
  type CalendarDate,
  type WallTime,
} from "@/lib/text/london-time";
import { durationProblem } from "./interview-form";

/** Slots one publish may make: a few weeks of a full diary, and a typo in the dates cannot make thousands. */
export const MAX_SLOTS_PER_PUBLISH = 200;
/** The longest range of dates one pattern may cover. */
export const MAX_PATTERN_DAYS = 366;
export const DEFAULT_SLOT_MINUTES = 30;
export const MAX_GAP_MINUTES = 240;

/** ISO weekday numbers, Monday first, as the form's boxes send them. */
export const WEEKDAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
  { value: 6, label: "Saturday" },
  { value: 7, label: "Sunday" },
] as const;

export type SlotPattern = {
  /** ISO weekdays: 1 is Monday, 7 is Sunday. */
  daysOfWeek: readonly number[];
  from: CalendarDate;
  to: CalendarDate;
  /** Either start times, as a UK clock shows them... */
  startTimes?: readonly WallTime[];
  /** ...or a window of the day filled with slots one after another, `gapMinutes` apart. */
  window?: { start: WallTime; end: WallTime };
  durationMinutes: number;
  gapMinutes: number;
};

export type PatternProblem = {
  field: "days" | "from" | "to" | "times" | "window" | "duration" | "gap";
  message: string;
};

const DAY_MS = 86_400_000;

function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function minutesOf(time: WallTime): number {
  return time.hour * 60 + time.minute;
}

/**
 * Every start a pattern describes, as instants: each chosen weekday from `from` to `to` (both included),
 * at each start time, or filling the window (a slot fits only if it ends by the window's end). Times are
 * UK clock times on that date, so 10:00 is 09:00 UTC in summer and 10:00 UTC in winter. A start the
 * clocks skip in March does not exist and is left out; one they show twice in October means the first.
 * Returns the first problem per field instead when the pattern cannot be used, in plain English.
 */
export function expandSlotPattern(
  pattern: SlotPattern,
): { ok: true; startsAt: Date[] } | { ok: false; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const days = new Set(pattern.daysOfWeek);
  if (days.size === 0 || [...days].some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    problems.push({ field: "days", message: "Choose at least one day of the week" });
  const first = dayNumber(pattern.from);
  const last = dayNumber(pattern.to);
  if (last < first)
    problems.push({ field: "to", message: "The last date must be the same as or after the first date" });
  else if (last - first + 1 > MAX_PATTERN_DAYS)
    problems.push({ field: "to", message: `Choose dates no more than ${MAX_PATTERN_DAYS} days apart` });
  const duration = durationProblem(pattern.durationMinutes);
  if (duration) problems.push({ field: "duration", message: duration });
  if (!Number.isInteger(pattern.gapMinutes) || pattern.gapMinutes < 0 || pattern.gapMinutes > MAX_GAP_MINUTES)
    problems.push({ field: "gap", message: `Enter a gap between 0 and ${MAX_GAP_MINUTES} minutes` });

  let times: WallTime[] = [];
  if (pattern.startTimes && pattern.startTimes.length > 0) {
    times = [...new Map(pattern.startTimes.map((t) => [minutesOf(t), t])).values()].sort(
      (a, b) => minutesOf(a) - minutesOf(b),
    );
    const step = pattern.durationMinutes + pattern.gapMinutes;
    if (!duration && times.some((t, i) => i > 0 && minutesOf(t) - minutesOf(times[i - 1]!) < step))
      problems.push({
        field: "times",
        message: "Start times must be at least the length of an interview (and the gap) apart",
      });
  } else if (pattern.window) {
    const start = minutesOf(pattern.window.start);
    const end = minutesOf(pattern.window.end);
    if (end <= start) problems.push({ field: "window", message: "The end of the day's times must be after the start" });
    else if (!duration && problems.every((p) => p.field !== "gap")) {
      for (let m = start; m + pattern.durationMinutes <= end; m += pattern.durationMinutes + pattern.gapMinutes)
        times.push({ hour: Math.floor(m / 60), minute: m % 60 });
      if (times.length === 0)
        problems.push({ field: "window", message: "No interview fits between those times: make them further apart" });
    }
  } else {
    problems.push({ field: "times", message: "Enter the start times, or the first and last times of the day" });
  }
  if (problems.length > 0) return { ok: false, problems };

  const startsAt: Date[] = [];
  for (let n = first; n <= last; n++) {
    const date = new Date(n * DAY_MS);
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (!days.has(isoWeekday)) continue;
    const calendarDate = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    for (const time of times) {
      const instant = londonTimeToInstant(calendarDate, time);
      if (instant) startsAt.push(instant);
    }
  }
  if (startsAt.length === 0)
    return { ok: false, problems: [{ field: "days", message: "None of the chosen days falls between those dates" }] };
  if (startsAt.length > MAX_SLOTS_PER_PUBLISH)
    return {
      ok: false,
      problems: [
        {
          field: "to",
          message: `That makes ${startsAt.length} slots: publish no more than ${MAX_SLOTS_PER_PUBLISH} at a time`,
        },
      ],
    };
  return { ok: true, startsAt };
}

export const slotPatternFormFields = [
  "days",
  "fromDay",
  "fromMonth",
  "fromYear",
  "toDay",
  "toMonth",
  "toYear",
  "times",
  "windowStart",
  "windowEnd",
  "duration",
  "gap",
  "interviewerId",
  "meetingLink",
] as const;

/** Whole minutes typed into a box; an empty box takes the default. */
function minutesField(value: string, empty: number): number {
  if (value === "") return empty;
  return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Publishing interview slots: the days of the week, the first and last dates, and either start times
 * ("09:30, 11:00, 14:00") or the first and last times of the day with a gap, all in UK time; the length
 * (30 minutes unless changed), the interviewer (optional) and the Teams link. One slot is a pattern whose
 * first and last dates are the same day with one start time (no day of the week need be ticked then).
 * Parses to the slots' start instants.
 */
export const slotPatternFormSchema = z
  .object({
    days: z.array(z.string()).default([]),
    fromDay: z.string().trim(),
    fromMonth: z.string().trim(),
    fromYear: z.string().trim(),
    toDay: z.string().trim(),
    toMonth: z.string().trim(),
    toYear: z.string().trim(),
    times: z.string().trim().default(""),
    windowStart: z.string().trim().default(""),
    windowEnd: z.string().trim().default(""),
    duration: z.string().trim().default(""),
    gap: z.string().trim().default(""),
    interviewerId: z.string().trim().default(""),
    meetingLink: z.string().trim(),
  })
  .transform((v, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const from = parseCalendarDate(v.fromDay, v.fromMonth, v.fromYear);
    if (!from) issue("from", "Enter the first date as a real date, for example 27 3 2027");
    const to = parseCalendarDate(v.toDay, v.toMonth, v.toYear);
    if (!to) issue("to", "Enter the last date as a real date, for example 27 3 2027");

    let startTimes: WallTime[] | undefined;
    let window: SlotPattern["window"];
    if (v.times !== "") {
      const parsed = v.times
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(parseWallTime);
      if (parsed.some((t) => t === null))
        issue("times", "Enter each start time in 24-hour time, for example 09:30, 14:00");
      else startTimes = parsed as WallTime[];
    } else if (v.windowStart !== "" || v.windowEnd !== "") {
      const start = parseWallTime(v.windowStart);
      const end = parseWallTime(v.windowEnd);
      if (!start) issue("windowStart", "Enter the first time of the day in 24-hour time, for example 09:00");
      if (!end) issue("windowEnd", "Enter the last time of the day in 24-hour time, for example 17:00");
      if (start && end) window = { start, end };
    } else {
      issue("times", "Enter the start times, or the first and last times of the day");
    }

    const link = teamsLinkProblem(v.meetingLink);
    if (link) issue("meetingLink", link);
    if (v.interviewerId !== "" && !UUID.test(v.interviewerId))
      issue("interviewerId", "Choose an interviewer from the list");
    if (!from || !to || (!startTimes && !window) || link || (v.interviewerId !== "" && !UUID.test(v.interviewerId)))
      return z.NEVER;

    const durationMinutes = minutesField(v.duration, DEFAULT_SLOT_MINUTES);
    // One date needs no day ticked: its own weekday is meant, so one time is simply a pattern of one.
    const oneDate = from.year === to.year && from.month === to.month && from.day === to.day;
    const expanded = expandSlotPattern({
      daysOfWeek: v.days.length === 0 && oneDate ? [1, 2, 3, 4, 5, 6, 7] : v.days.map(Number),
      from,
      to,
      startTimes,
      window,
      durationMinutes,
      gapMinutes: minutesField(v.gap, 0),
    });
    if (!expanded.ok) {
      for (const p of expanded.problems) issue(p.field === "window" ? "windowStart" : p.field, p.message);
      return z.NEVER;
    }
    return {
      startsAt: expanded.startsAt,
      durationMinutes,
      interviewerId: v.interviewerId === "" ? null : v.interviewerId,
      meetingLink: v.meetingLink,
    };
  });

export type SlotPatternForm = z.output<typeof slotPatternFormSchema>;
