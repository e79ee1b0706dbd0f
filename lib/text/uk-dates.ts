/**
 * Dates, times and lists as UK readers expect them (GOV.UK style), in UK time whatever the server's time
 * zone: a consent signed at 00:30 BST must not show the day before. One module for pages, emails and PDFs.
 */
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});
const listFormat = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** "26 November 2026" */
export function formatUkDate(date: Date): string {
  return dateFormat.format(date);
}

/** "9am", "2:30pm", "midday", "midnight" */
export function formatUkTime(date: Date): string {
  const parts = timeFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = part("hour");
  const minute = part("minute");
  const period = part("dayPeriod")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  if (hour === "12" && minute === "00") return period === "am" ? "midnight" : "midday";
  return `${hour}${minute === "00" ? "" : `:${minute}`}${period}`;
}

/** "2:30pm on 26 November 2026"; "midnight at the start of 26 November 2026", as "midnight on" is ambiguous. */
export function formatUkDateTime(date: Date): string {
  const time = formatUkTime(date);
  return `${time} ${time === "midnight" ? "at the start of" : "on"} ${formatUkDate(date)}`;
}

/** "A, B and C" */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}
