/** What the public pages show about a study: nothing here is personal data or internal settings. */
export type PublicStudy = {
  slug: string;
  kind: "INTERVIEW" | "WORKSHOP";
  title: string;
  shortTitle: string;
  summary: string;
  /** Plain text; paragraphs separated by a blank line. */
  whatTakingPartInvolves: string;
  /** One line per eligibility criterion, from the study's rules. */
  whoCanTakePart: string[];
  ethicsCommittee: string | null;
  ethicsReference: string | null;
  targetMin: number | null;
  targetMax: number | null;
  contactName: string;
  contactEmail: string;
  status: "DRAFT" | "RECRUITING" | "CLOSED";
};
