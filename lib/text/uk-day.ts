/**
 * Calendar days in UK time, for filters and exports: "from 1 July" means from midnight in London, which is
 * 23:00 UTC the day before in summer. Midnight is never skipped or repeated in the UK (the clocks change
 * at 1am UTC), so every UK day has exactly one start.
 */
const offsetFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "longOffset" });

/** The UK's offset from UTC at this instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar day written as YYYY-MM-DD (what a date input sends). */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant a UK calendar day (YYYY-MM-DD) begins. */
export function startOfUkDay(isoDay: string): Date {
  if (!isIsoDay(isoDay)) throw new RangeError(`not a calendar day: ${isoDay}`);
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const guess = utcMidnight - londonOffsetMinutes(utcMidnight) * 60_000;
  return new Date(utcMidnight - londonOffsetMinutes(guess) * 60_000);
}

/** The instant the next UK day begins: the end (exclusive) of this one. */
export function endOfUkDay(isoDay: string): Date {
  const start = startOfUkDay(isoDay);
  const nextDay = new Date(start.getTime() + 36 * 3_600_000); // past the next midnight in any UK day
  return startOfUkDay(ukIsoDay(nextDay));
}

const dayParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The UK calendar day of an instant, as YYYY-MM-DD. */
export function ukIsoDay(date: Date): string {
  return dayParts.format(date);
}

const spreadsheetFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "26/11/2026 14:30:05" in UK time: what a UK spreadsheet reads as a date and time. */
export function formatUkSpreadsheetDateTime(date: Date): string {
  return spreadsheetFormat.format(date).replace(",", "");
}
