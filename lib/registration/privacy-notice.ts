/**
 * The privacy notice version shown at /privacy. The registration form stores the version a person
 * accepted; change both values whenever the notice's content changes.
 */
export const PRIVACY_NOTICE_VERSION = "1.0";

/** ISO date (YYYY-MM-DD) of this version. */
export const PRIVACY_NOTICE_DATE = "2026-11-26";

/** e.g. "26 November 2026". */
export function formatNoticeDate(isoDate: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
