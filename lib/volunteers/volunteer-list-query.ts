import { z } from "zod";
import type { ParticipationStatus } from "@/lib/generated/prisma/client";
import { PARTICIPATION_STATUSES } from "@/lib/participation/status";
import { parseAnswerFilters, type AnswerFilter, type QuestionFilter } from "./question-filters";

/**
 * The volunteers list's address: every search, filter, sort and page is a query parameter, so a list can
 * be bookmarked, shared and used without JavaScript. Each parameter is checked on its own: a bad one is
 * left out with a message, and the rest still apply. Besides the fixed parameters below, each choice question
 * of the published question sets is a parameter named by its code (lib/volunteers/question-filters.ts).
 */

export const PAGE_SIZE = 25;
export const SEARCH_MAX_LENGTH = 100;

/** Statuses as they appear in the address: lower case. */
export const participationStatuses = PARTICIPATION_STATUSES.map(
  (s) => s.toLowerCase() as Lowercase<ParticipationStatus>,
);
export type StatusParam = Lowercase<ParticipationStatus>;

/**
 * The overview's funnel stages (lib/recruitment/recruitment-overview.ts counts them the same way), plus
 * "active": consented and still taking part, which the target is about.
 */
export const stages = [
  "registered",
  "eligible",
  "invited",
  "consented",
  "active",
  "scheduled",
  "completed",
  "withdrawn",
  "declined",
  "waitlisted",
] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  registered: "Registered",
  eligible: "Eligible",
  invited: "Invited",
  consented: "Consented",
  active: "Taking part (consented, not withdrawn)",
  scheduled: "Scheduled",
  completed: "Completed",
  withdrawn: "Withdrawn",
  declined: "Declined",
  waitlisted: "Waiting list",
};

export const sorts = ["name", "registered", "status"] as const;
export type Sort = (typeof sorts)[number];
export type SortOrder = "asc" | "desc";
/** The direction a column sorts in first: names A to Z, newest registrations first, statuses in order. */
export const defaultOrder: Record<Sort, SortOrder> = { name: "asc", registered: "desc", status: "asc" };

export type VolunteerListQuery = {
  q?: string;
  /** A study's slug; the list checks that it exists. */
  study?: string;
  status?: ParticipationStatus;
  eligibility?: "ELIGIBLE" | "INELIGIBLE";
  /** Answers to screening questions, in the filters' order: each must be among the person's latest answers. */
  answers?: AnswerFilter[];
  country?: string;
  stage?: Stage;
  sort: Sort;
  order: SortOrder;
  page: number;
};

export type QueryParams = Record<string, string | string[] | undefined>;

/** An empty parameter (an empty search box, "Any" in a select) means "not filtered". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value,
    schema.optional(),
  );

export const volunteerListParamsSchema = z.object({
  q: optional(z.string().max(SEARCH_MAX_LENGTH)),
  study: optional(z.string().regex(/^[a-z0-9-]{1,64}$/)),
  status: optional(z.enum(participationStatuses).transform((s) => s.toUpperCase() as ParticipationStatus)),
  eligibility: optional(
    z.enum(["eligible", "ineligible"]).transform((e) => e.toUpperCase() as "ELIGIBLE" | "INELIGIBLE"),
  ),
  country: optional(z.string().max(100)),
  stage: optional(z.enum(stages)),
  sort: optional(z.enum(sorts)),
  order: optional(z.enum(["asc", "desc"])),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});

type ParamName = keyof typeof volunteerListParamsSchema.shape;

const problemWords: Record<ParamName, string> = {
  q: `The search was longer than ${SEARCH_MAX_LENGTH} characters, so it was not used.`,
  study: "The study in the address was not recognised, so the list is not filtered by study.",
  status: "The status in the address was not recognised, so the list is not filtered by status.",
  eligibility: "The eligibility in the address was not recognised, so the list is not filtered by eligibility.",
  country: "The partnership country in the address was too long, so the list is not filtered by country.",
  stage: "The stage in the address was not recognised, so the list is not filtered by stage.",
  sort: "The sort order in the address was not recognised, so the list is sorted by registration date.",
  order: "The sort direction in the address was not recognised, so the usual direction is used.",
  page: "The page number in the address was not recognised, so the first page is shown.",
};

export const unknownStudyProblem = problemWords.study;

/**
 * Reads the list's query parameters (a repeated parameter counts once, by its first value), with the
 * question filters the page offers (lib/volunteers/list-question-filters.ts). Never throws: whatever the
 * address says, the result is a query the list can run, and the problems found.
 */
export function parseVolunteerListQuery(
  params: QueryParams,
  questionFilters: readonly QuestionFilter[] = [],
): { query: VolunteerListQuery; problems: string[] } {
  const problems: string[] = [];
  const values: Partial<Record<ParamName, unknown>> = {};
  for (const name of Object.keys(volunteerListParamsSchema.shape) as ParamName[]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const parsed = volunteerListParamsSchema.shape[name].safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(problemWords[name]);
  }
  const v = values as z.infer<typeof volunteerListParamsSchema>;
  const answerFilters = parseAnswerFilters(params, questionFilters);
  problems.push(...answerFilters.problems);
  const sort = v.sort ?? "registered";
  const query: VolunteerListQuery = {
    ...(v.q !== undefined && { q: v.q }),
    ...(v.study !== undefined && { study: v.study }),
    ...(v.status !== undefined && { status: v.status }),
    ...(v.eligibility !== undefined && { eligibility: v.eligibility }),
    ...(answerFilters.answers.length > 0 && { answers: answerFilters.answers }),
    ...(v.country !== undefined && { country: v.country }),
    ...(v.stage !== undefined && { stage: v.stage }),
    sort,
    order: v.order ?? defaultOrder[sort],
    page: v.page ?? 1,
  };
  return { query, problems };
}

/** The address of the list with this query, leaving out what is the default, for links and forms. */
export function volunteerListHref(query: VolunteerListQuery, changes: Partial<VolunteerListQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.study) params.set("study", q.study);
  if (q.status) params.set("status", q.status.toLowerCase());
  if (q.eligibility) params.set("eligibility", q.eligibility.toLowerCase());
  for (const a of q.answers ?? []) params.set(a.code, a.value);
  if (q.country) params.set("country", q.country);
  if (q.stage) params.set("stage", q.stage);
  if (q.sort !== "registered" || q.order !== defaultOrder.registered) {
    params.set("sort", q.sort);
    if (q.order !== defaultOrder[q.sort]) params.set("order", q.order);
  }
  if (q.page > 1) params.set("page", String(q.page));
  const search = params.toString();
  return search ? `/admin/volunteers?${search}` : "/admin/volunteers";
}
