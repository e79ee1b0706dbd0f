import { beforeEach, describe, expect, it } from "vitest";
import { recruitmentFunnels } from "@/lib/recruitment/recruitment-overview";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { listQuestionFilters } from "@/lib/volunteers/list-question-filters";
import { listPartnershipCountries, listVolunteers } from "@/lib/volunteers/list-volunteers";
import { answersContainment, questionFilters } from "@/lib/volunteers/question-filters";
import {
  parseVolunteerListQuery,
  stages,
  volunteerListHref,
  type QueryParams,
} from "@/lib/volunteers/volunteer-list-query";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { testDb } from "./support/test-db";
import { useSecondQuestionSet } from "./support/question-sets";
import { makeResearcher, makeVolunteer } from "./support/volunteers";

let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  researcher = await makeResearcher();
});

/** The list for an address's query string, as the page runs it. */
async function list(search: string) {
  const params: QueryParams = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const study = typeof params.study === "string" ? params.study : undefined;
  const filters = await listQuestionFilters(testDb(), researcher, study);
  const { query, problems } = parseVolunteerListQuery(params, filters);
  const result = await listVolunteers(testDb(), researcher, query);
  return {
    ...result,
    query,
    problems: [...problems, ...result.problems],
    names: result.volunteers.map((v) => v.fullName),
  };
}

/** The filters the page offers for the call's questions. */
const callFilters = questionFilters([currentCallDefinition]);

describe("the list's address", () => {
  it("has sensible defaults: newest registrations first, page 1, nothing filtered", () => {
    expect(parseVolunteerListQuery({})).toEqual({
      query: { sort: "registered", order: "desc", page: 1 },
      problems: [],
    });
    expect(parseVolunteerListQuery({ q: "  ", study: "", sort: "name" }).query).toEqual({
      sort: "name",
      order: "asc",
      page: 1,
    });
  });

  it("reads every parameter, and writes the same address back", () => {
    const params = {
      q: "ada",
      study: "interview-study",
      status: "invited",
      eligibility: "eligible",
      staffGroup: "nurse",
      region: "london",
      country: "Uganda",
      stage: "consented",
      sort: "status",
      order: "desc",
      page: "3",
    };
    const { query, problems } = parseVolunteerListQuery(params, callFilters);
    expect(problems).toEqual([]);
    const { staffGroup, region, ...fixed } = params;
    expect(query).toEqual({
      ...fixed,
      status: "INVITED",
      eligibility: "ELIGIBLE",
      page: 3,
      answers: [
        { code: "staffGroup", value: staffGroup, several: false },
        { code: "region", value: region, several: false },
      ],
    });
    expect(volunteerListHref(query)).toBe(`/admin/volunteers?${new URLSearchParams(params).toString()}`);
    expect(volunteerListHref(query, { page: 1, sort: "registered", order: "desc" })).not.toMatch(/page=|sort=|order=/);
  });

  it("leaves out each bad value with a message, and keeps the good ones", () => {
    const { query, problems } = parseVolunteerListQuery(
      {
        q: "x".repeat(101),
        study: "<script>",
        status: "asleep",
        eligibility: "maybe",
        staffGroup: "wizard",
        region: "atlantis",
        country: "y".repeat(101),
        stage: "nowhere",
        sort: "shoe-size",
        order: "sideways",
        page: "-2",
      },
      callFilters,
    );
    expect(query).toEqual({ sort: "registered", order: "desc", page: 1 });
    expect(problems).toHaveLength(11);
    expect(problems).toContain("The status in the address was not recognised, so the list is not filtered by status.");
    expect(problems).toContain("The page number in the address was not recognised, so the first page is shown.");
    expect(problems).toContain(
      "The answer to “Staff group” in the address was not recognised, so the list is not filtered by that question.",
    );
    for (const page of ["0", "1.5", "abc", "99999999999"])
      expect(parseVolunteerListQuery({ page }).problems).toHaveLength(1);
    expect(parseVolunteerListQuery({ status: "invited", region: "nowhere" }, callFilters).query).toEqual({
      status: "INVITED",
      sort: "registered",
      order: "desc",
      page: 1,
    });
  });

  it("reads a repeated parameter by its first value", () => {
    expect(parseVolunteerListQuery({ region: ["wales", "scotland"] }, callFilters).query.answers).toEqual([
      { code: "region", value: "wales", several: false },
    ]);
  });
});

describe("the volunteers list", () => {
  it("searches names and email addresses, any part, in any case, with % and _ taken literally", async () => {
    await makeVolunteer({ fullName: "Ada Lovelace", email: "ada@nhs.net" });
    await makeVolunteer({ fullName: "Grace Hopper", email: "g.hopper@LEEDS.nhs.uk" });
    await makeVolunteer({ fullName: "Mary 100% Seacole", email: "mary_s@nhs.net" });
    await makeVolunteer({ fullName: "Florence Nightingale", email: "flo@nhs.net" });

    expect((await list("q=LOVE")).names).toEqual(["Ada Lovelace"]);
    expect((await list("q=leeds.NHS")).names).toEqual(["Grace Hopper"]);
    expect((await list("q=%20hopper%20")).names).toEqual(["Grace Hopper"]);
    expect((await list("q=100%25")).names).toEqual(["Mary 100% Seacole"]);
    expect((await list("q=%25")).names).toEqual(["Mary 100% Seacole"]);
    expect((await list("q=y_s")).names).toEqual(["Mary 100% Seacole"]);
    expect((await list("q=a_a")).names).toEqual([]);
    expect((await list("q=nobody")).total).toBe(0);
  });

  it("filters by staff group, region and partnership country", async () => {
    await makeVolunteer({ fullName: "Nurse London Uganda" });
    await makeVolunteer({ fullName: "Doctor London Ghana", staffGroup: "doctor", partnershipCountry: "Ghana" });
    await makeVolunteer({ fullName: "Nurse Wales Nepal", region: "wales", partnershipCountry: "Nepal" });
    await makeVolunteer({ fullName: "Not said", staffGroup: null, region: null, partnershipCountry: null });

    expect((await list("staffGroup=doctor")).names).toEqual(["Doctor London Ghana"]);
    expect((await list("region=wales")).names).toEqual(["Nurse Wales Nepal"]);
    expect((await list("country=Ghana")).names).toEqual(["Doctor London Ghana"]);
    expect((await list("staffGroup=nurse&region=london&sort=name")).names).toEqual(["Nurse London Uganda"]);
    expect((await list("sort=name")).total).toBe(4);
    expect(await listPartnershipCountries(testDb(), researcher)).toEqual(["Ghana", "Nepal", "Uganda"]);
  });

  it("filters by study, status and eligibility, an override counting over the computed outcome", async () => {
    await makeVolunteer({
      fullName: "Invited to interviews",
      participations: [
        { study: "interview-study", status: "INVITED" },
        { study: "workshops", status: "ELIGIBLE" },
      ],
    });
    await makeVolunteer({ fullName: "Workshops only", participations: [{ study: "workshops", status: "INVITED" }] });
    await makeVolunteer({
      fullName: "Screened out",
      participations: [{ study: "interview-study", status: "INELIGIBLE" }],
    });
    await makeVolunteer({
      fullName: "Overridden in",
      participations: [
        { study: "interview-study", status: "ELIGIBLE", eligibility: "INELIGIBLE", override: "ELIGIBLE" },
      ],
    });
    await makeVolunteer({
      fullName: "Overridden out",
      participations: [
        { study: "interview-study", status: "INELIGIBLE", eligibility: "ELIGIBLE", override: "INELIGIBLE" },
      ],
    });
    await makeVolunteer({ fullName: "No studies" });

    expect((await list("study=interview-study&sort=name")).names).toEqual([
      "Invited to interviews",
      "Overridden in",
      "Overridden out",
      "Screened out",
    ]);
    expect((await list("study=workshops&sort=name")).names).toEqual(["Invited to interviews", "Workshops only"]);
    expect((await list("study=interview-study&status=invited")).names).toEqual(["Invited to interviews"]);
    expect((await list("study=workshops&status=invited")).names).toEqual(["Workshops only"]);
    expect((await list("study=interview-study&eligibility=eligible&sort=name")).names).toEqual([
      "Invited to interviews",
      "Overridden in",
    ]);
    expect((await list("study=interview-study&eligibility=ineligible&sort=name")).names).toEqual([
      "Overridden out",
      "Screened out",
    ]);
    // Without a study, status and eligibility apply to any one participation, both to the same one.
    expect((await list("status=invited&sort=name")).names).toEqual(["Invited to interviews", "Workshops only"]);
    expect((await list("status=eligible&eligibility=eligible&sort=name")).names).toEqual([
      "Invited to interviews",
      "Overridden in",
    ]);
    expect((await list("status=invited&eligibility=ineligible")).names).toEqual([]);

    const row = (await list("q=Overridden in")).volunteers[0]!;
    expect(row.participations).toEqual([
      expect.objectContaining({ status: "ELIGIBLE", eligibility: "ELIGIBLE", overridden: true }),
    ]);
  });

  it("filters by each funnel stage exactly as the overview counts it", async () => {
    const statuses = [
      "INTERESTED",
      "INELIGIBLE",
      "ELIGIBLE",
      "INVITED",
      "CONSENTED",
      "DECLINED",
      "SCHEDULED",
      "COMPLETED",
      "WITHDRAWN",
      "WAITLISTED",
    ] as const;
    for (const status of statuses) {
      await makeVolunteer({ fullName: `Interview ${status}`, participations: [{ study: "interview-study", status }] });
    }
    await makeVolunteer({
      fullName: "Withdrew after consenting",
      participations: [{ study: "interview-study", status: "WITHDRAWN", consented: true, invited: true }],
    });
    await makeVolunteer({
      fullName: "Workshop COMPLETED",
      participations: [{ study: "workshops", status: "COMPLETED" }],
    });

    const [funnel] = (await recruitmentFunnels(testDb(), researcher)).filter((f) => f.slug === "interview-study");
    for (const stage of stages) {
      const result = await list(`study=interview-study&stage=${stage}`);
      const expected = stage === "active" ? funnel!.activeConsented : funnel![stage];
      expect(result.total, `stage ${stage}`).toBe(expected);
      expect(result.problems).toEqual([]);
    }
    expect((await list("study=interview-study&stage=active&sort=name")).names).toEqual([
      "Interview COMPLETED",
      "Interview CONSENTED",
      "Interview SCHEDULED",
      "Interview WAITLISTED",
    ]);
    expect((await list("study=interview-study&stage=withdrawn&sort=name")).names).toEqual([
      "Interview WITHDRAWN",
      "Withdrew after consenting",
    ]);
    // Without a study, a stage reached in any study.
    expect((await list("stage=completed&sort=name")).names).toEqual(["Interview COMPLETED", "Workshop COMPLETED"]);
  });

  it("sorts by name (ignoring case), registration date and status, both ways, with a stable tie-break", async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    await makeVolunteer({
      fullName: "bea Brown",
      createdAt: day(3),
      participations: [{ study: "interview-study", status: "CONSENTED" }],
    });
    await makeVolunteer({
      fullName: "Abe Adams",
      createdAt: day(1),
      participations: [{ study: "interview-study", status: "INVITED" }],
    });
    await makeVolunteer({
      fullName: "Cal Cole",
      createdAt: day(2),
      participations: [{ study: "workshops", status: "INVITED" }],
    });
    await makeVolunteer({
      fullName: "Dee Dunn",
      createdAt: day(4),
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });

    expect((await list("sort=name")).names).toEqual(["Abe Adams", "bea Brown", "Cal Cole", "Dee Dunn"]);
    expect((await list("sort=name&order=desc")).names).toEqual(["Dee Dunn", "Cal Cole", "bea Brown", "Abe Adams"]);
    expect((await list("")).names).toEqual(["Dee Dunn", "bea Brown", "Cal Cole", "Abe Adams"]);
    expect((await list("sort=registered&order=asc")).names).toEqual(["Abe Adams", "Cal Cole", "bea Brown", "Dee Dunn"]);
    // Status in the first study when none is chosen, in the study's order of stages; no participation last.
    const bySortStatus = await list("sort=status");
    expect(bySortStatus.statusSortStudy?.slug).toBe("interview-study");
    expect(bySortStatus.names).toEqual(["Dee Dunn", "Abe Adams", "bea Brown", "Cal Cole"]);
    expect((await list("sort=status&order=desc")).names).toEqual(["bea Brown", "Abe Adams", "Dee Dunn", "Cal Cole"]);
    expect((await list("sort=status&study=workshops")).names).toEqual(["Cal Cole"]);

    // Equal names keep one order across pages (by id), so no one is shown twice or skipped.
    for (let i = 0; i < 30; i++) await makeVolunteer({ fullName: "Same Name" });
    const pages = [await list("q=same&sort=name"), await list("q=same&sort=name&page=2")];
    const ids = pages.flatMap((p) => p.volunteers.map((v) => v.id));
    expect(new Set(ids).size).toBe(30);
  });

  it("pages 25 at a time, with the total and the number of pages; a page beyond the end shows the last", async () => {
    for (let i = 1; i <= 53; i++) await makeVolunteer({ fullName: `Person ${String(i).padStart(2, "0")}` });
    const first = await list("sort=name");
    expect(first).toMatchObject({ total: 53, page: 1, pageCount: 3, problems: [] });
    expect(first.names).toHaveLength(25);
    expect(first.names[0]).toBe("Person 01");
    const third = await list("sort=name&page=3");
    expect(third.names).toEqual(["Person 51", "Person 52", "Person 53"]);
    const beyond = await list("sort=name&page=9");
    expect(beyond).toMatchObject({ page: 3, pageCount: 3, names: third.names });
    expect(beyond.problems).toEqual(["There is no page 9: the list has 3 pages, so the last one is shown."]);
    expect(await list("q=nobody&page=2")).toMatchObject({ total: 0, page: 1, pageCount: 1, volunteers: [] });
  });

  it("offers a filter for each choice question of the studies' published sets, labelled with their words", async () => {
    const call = await listQuestionFilters(testDb(), researcher);
    expect(call.map((f) => [f.code, f.label])).toEqual([
      ["worksInNhsNow", "Works in the NHS now"],
      ["staffGroup", "Staff group"],
      ["region", "Region"],
      ["ihpParticipation", "THET-funded international health partnership"],
      ["otherVolunteering", "Other international volunteering"],
      ["introducedLearning", "Introduced learning into the NHS"],
    ]);
    expect(call.find((f) => f.code === "staffGroup")!.options[1]).toEqual({
      value: "nurse",
      label: "Nurse or health visitor",
    });

    await useSecondQuestionSet("workshops");
    const every = (await listQuestionFilters(testDb(), researcher)).map((f) => f.code);
    expect(every).toEqual([...call.map((f) => f.code), "settings", "supervisesStudents"]);
    // Filtered by a study, the study's own questions only; a study that does not exist, every study's.
    expect((await listQuestionFilters(testDb(), researcher, "workshops")).map((f) => f.code)).toEqual([
      "settings",
      "supervisesStudents",
    ]);
    expect((await listQuestionFilters(testDb(), researcher, "interview-study")).map((f) => f.code)).toEqual(
      call.map((f) => f.code),
    );
    expect((await listQuestionFilters(testDb(), researcher, "no-such-study")).map((f) => f.code)).toEqual(every);
  });

  it("filters on any choice answer, several choices included, through screening_answers", async () => {
    await useSecondQuestionSet("workshops");
    await makeVolunteer({
      fullName: "Hospital and community",
      screeningAnswers: { settings: ["hospital", "community"], supervisesStudents: "yes", yearsInPost: 4 },
      participations: [{ study: "workshops", status: "ELIGIBLE" }],
    });
    await makeVolunteer({
      fullName: "Primary care",
      screeningAnswers: { settings: ["primary-care"], supervisesStudents: "no" },
      participations: [{ study: "workshops", status: "ELIGIBLE" }],
    });
    await makeVolunteer({ fullName: "Call only" });

    expect((await list("settings=community")).names).toEqual(["Hospital and community"]);
    expect((await list("settings=hospital&supervisesStudents=yes")).names).toEqual(["Hospital and community"]);
    expect((await list("study=workshops&settings=primary-care")).names).toEqual(["Primary care"]);
    expect((await list("supervisesStudents=no&staffGroup=nurse")).names).toEqual([]);
    expect((await list("sort=name&staffGroup=nurse")).names).toEqual(["Call only"]);
  });

  it("refuses an answer a question does not offer, and a question that is not one, without touching the SQL", async () => {
    await makeVolunteer({ fullName: "Ada Lovelace" });
    const injected = await list(`staffGroup=${encodeURIComponent(`nurse"}' or 1=1 --`)}&q=ada`);
    expect(injected.names).toEqual(["Ada Lovelace"]);
    expect(injected.problems).toEqual([
      "The answer to “Staff group” in the address was not recognised, so the list is not filtered by that question.",
    ]);
    expect(injected.query.answers).toBeUndefined();
    // Not a question's code (or not a choice question's): not a filter, and ignored as any unknown parameter is.
    const unknown = await list("shoeSize=9&partnershipName=x&employer=y");
    expect(unknown.problems).toEqual([]);
    expect(unknown.names).toEqual(["Ada Lovelace"]);
    // Filtered by a study whose questions do not include it, a code is not read at all.
    await useSecondQuestionSet("workshops");
    expect((await list("study=workshops&staffGroup=doctor")).query.answers).toBeUndefined();
  });

  it("tests the answers with one containment the GIN index on screening_answers answers", async () => {
    for (let i = 0; i < 50; i++)
      await makeVolunteer({ fullName: `Person ${i}`, staffGroup: i % 2 ? "doctor" : "nurse", region: "wales" });
    await testDb().$executeRawUnsafe("analyze volunteers");
    const { query } = await list("staffGroup=doctor&region=wales");
    const containment = JSON.stringify(answersContainment(query.answers!));
    expect(JSON.parse(containment)).toEqual({ staffGroup: "doctor", region: "wales" });
    const plan = await testDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("set local enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        explain select id from volunteers v where v.screening_answers @> ${containment}::jsonb`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("volunteers_screening_answers_idx");
    expect((await list("staffGroup=doctor&region=wales")).total).toBe(25);
  });

  it("ignores a study that does not exist, with a message, and still applies the rest", async () => {
    await makeVolunteer({
      fullName: "Ada Lovelace",
      participations: [{ study: "interview-study", status: "INVITED" }],
    });
    await makeVolunteer({ fullName: "Grace Hopper" });
    const result = await list("study=no-such-study&q=ada");
    expect(result.study).toBeNull();
    expect(result.names).toEqual(["Ada Lovelace"]);
    expect(result.problems).toEqual([
      "The study in the address was not recognised, so the list is not filtered by study.",
    ]);
  });

  it("has the indexes that keep it fast with many volunteers, including the one schema.prisma cannot describe", async () => {
    const rows = await testDb().$queryRaw<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes where tablename = 'volunteers' order by indexname`;
    const definition = (name: string) => rows.find((r) => r.indexname === name)?.indexdef ?? "missing";
    expect(definition("volunteers_sort_name_idx")).toMatch(/USING btree \(lower\(\(full_name\)::text\), id\)/);
    expect(definition("volunteers_full_name_idx")).toMatch(/USING gin \(full_name gin_trgm_ops\)/);
    expect(definition("volunteers_email_normalised_idx")).toMatch(/USING gin \(email_normalised gin_trgm_ops\)/);
  });
});
