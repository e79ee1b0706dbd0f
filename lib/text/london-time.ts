/**
 * Dates and times as the study team types them: UK wall-clock time (Europe/London), GMT in winter and BST
 * in summer, turned into the instant they mean, whatever the server's own time zone. Pure, so unit tests
 * cover the clock changes without a database.
 */

export type CalendarDate = { year: number; month: number; day: number };
export type WallTime = { hour: number; minute: number };

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** What London's clocks show at this instant. */
export function londonWallClock(instant: Date): CalendarDate & WallTime {
  const parts = partsFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** London's offset from UTC at this instant, in minutes: 0 (GMT) or 60 (BST). */
function londonOffsetMinutes(instant: number): number {
  const c = londonWallClock(new Date(instant));
  return (Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - Math.floor(instant / 60_000) * 60_000) / 60_000;
}

/**
 * The instant at which London's clocks show this date and time. Null when the clocks skip that time (the
 * hour after 1am on the last Sunday of March). When they show it twice (the hour after 1am on the last
 * Sunday of October), the first, in BST, is meant.
 */
export function londonTimeToInstant(date: CalendarDate, time: WallTime): Date | null {
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // London's offsets either side of the moment cover both readings of a time near a clock change.
  const offsets = new Set([londonOffsetMinutes(asIfUtc - 86_400_000), londonOffsetMinutes(asIfUtc + 86_400_000)]);
  const matches = [...offsets]
    .map((offset) => asIfUtc - offset * 60_000)
    .filter((instant) => {
      const c = londonWallClock(new Date(instant));
      return (
        c.year === date.year &&
        c.month === date.month &&
        c.day === date.day &&
        c.hour === time.hour &&
        c.minute === time.minute
      );
    })
    .sort((a, b) => a - b);
  return matches.length > 0 ? new Date(matches[0]!) : null;
}

/** A real calendar date from the day, month and year typed into a date input; null if there is none. */
export function parseCalendarDate(day: string, month: string, year: string): CalendarDate | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { year: y, month: m, day: d };
}

/**
 * A time of day as people type it: "14:30", "9:05", "14.30", "2:30pm", "2pm", "12am". Null if it is not
 * one. Midnight and midday are ambiguous with am/pm, so "12am" is midnight and "12pm" midday, as usual.
 */
export function parseWallTime(value: string): WallTime | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(value.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const period = match[3]?.toLowerCase().replace(/\./g, "");
  if (period === undefined && match[2] === undefined) return null;
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === "pm" ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute };
}

/** "14:30": a time as the forms show it back, 24-hour. */
export function formatWallTime(time: WallTime): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

/** An instant as the date and time fields of a form show it, in London time. */
export function londonFormFields(instant: Date): { day: string; month: string; year: string; time: string } {
  const c = londonWallClock(instant);
  return { day: String(c.day), month: String(c.month), year: String(c.year), time: formatWallTime(c) };
}

/** "GMT" or "BST": which UK time an instant falls in. */
export function ukTimeZoneName(instant: Date): "GMT" | "BST" {
  return londonOffsetMinutes(instant.getTime()) === 60 ? "BST" : "GMT";
}
