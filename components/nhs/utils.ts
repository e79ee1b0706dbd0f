/** Joins class names, skipping empty values. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}

/** Joins ids for aria-describedby; returns undefined when there are none. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids
    .filter((id): id is string => typeof id === "string" && id.trim() !== "")
    .join(" ")
    .trim();
  return joined === "" ? undefined : joined;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** True for links that stay on this site (rendered with next/link). */
export function isInternalHref(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//");
}
