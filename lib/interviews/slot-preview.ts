import { formatUkDateTime } from "@/lib/text/uk-dates";

export type PublishSpan = { count: number; first: Date; last: Date };

/** How many times a publish makes, and the first and last of them; null for none. */
export function publishSpan(starts: readonly Date[]): PublishSpan | null {
  if (starts.length === 0) return null;
  const times = starts.map((s) => s.getTime());
  return { count: starts.length, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
}

/** "This publishes 10 times, from 10am on 5 July 2027 to 2pm on 9 July 2027 (UK time)." */
export function publishWords(span: PublishSpan, tense: "will" | "did" = "will"): string {
  const verb = tense === "will" ? "This publishes" : "You published";
  if (span.count === 1) return `${verb} 1 time: ${formatUkDateTime(span.first)} (UK time).`;
  return `${verb} ${span.count} times, from ${formatUkDateTime(span.first)} to ${formatUkDateTime(span.last)} (UK time).`;
}
