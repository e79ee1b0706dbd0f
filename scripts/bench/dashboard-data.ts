/**
 * The data the dashboard benchmark (scripts/bench/dashboard.ts) runs against: many volunteers, made fast,
 * and a signed-in researcher. Kept apart so that a development database can be filled the same way.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`;

const firstNames = [
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Mia",
  "Grace",
  "Sophia",
  "Lily",
  "Freya",
  "Emily",
  "Priya",
  "Aisha",
  "Fatima",
  "Zainab",
  "Chloe",
  "Hannah",
  "Sarah",
  "Rachel",
  "Joanne",
  "Claire",
  "Oliver",
  "George",
  "Noah",
  "Arthur",
  "Muhammad",
  "Leo",
  "Harry",
  "Oscar",
  "Jack",
  "Thomas",
  "James",
  "David",
  "Daniel",
  "Samuel",
  "Rajesh",
  "Kwame",
  "Chinedu",
  "Tomasz",
  "Siobhan",
  "Niamh",
  "Rhys",
  "Ewan",
  "Callum",
  "Eilidh",
  "Ngozi",
  "Adebayo",
  "Mei",
  "Wei",
  "Ana",
  "Lucía",
];
const lastNames = [
  "Smith",
  "Jones",
  "Williams",
  "Taylor",
  "Brown",
  "Davies",
  "Evans",
  "Wilson",
  "Thomas",
  "Johnson",
  "Roberts",
  "Robinson",
  "Thompson",
  "Wright",
  "Walker",
  "White",
  "Edwards",
  "Hughes",
  "Green",
  "Hall",
  "Lewis",
  "Harris",
  "Clarke",
  "Patel",
  "Khan",
  "Begum",
  "Ali",
  "Ahmed",
  "Singh",
  "Kaur",
  "Okafor",
  "Mensah",
  "Owusu",
  "Nowak",
  "Kowalski",
  "O'Brien",
  "Murphy",
  "MacDonald",
  "Campbell",
  "Stewart",
  "Morgan",
  "Price",
  "Chen",
  "Wang",
  "Nguyen",
  "Fernández",
  "Silva",
  "Adeyemi",
  "Hussain",
  "Lovelace",
];
// Weighted by repetition: roughly the shape of NHS staff who volunteer abroad.
const staffGroups = [
  "nurse",
  "nurse",
  "nurse",
  "doctor",
  "doctor",
  "doctor",
  "midwife",
  "allied-health-professional",
  "allied-health-professional",
  "healthcare-scientist",
  "pharmacy",
  "clinical-support",
  "management-administration",
  "other",
];
const regions = [
  "london",
  "london",
  "london",
  "south-east",
  "south-east",
  "south-west",
  "east-of-england",
  "midlands",
  "midlands",
  "north-west",
  "north-west",
  "north-east-yorkshire",
  "north-east-yorkshire",
  "scotland",
  "wales",
  "northern-ireland",
];
const countries = [
  "Uganda",
  "Uganda",
  "Uganda",
  "Zambia",
  "Zambia",
  "Ghana",
  "Ghana",
  "Sierra Leone",
  "Somaliland",
  "Tanzania",
  "Kenya",
  "Kenya",
  "Malawi",
  "Ethiopia",
  "Myanmar",
  "Nepal",
  "Bangladesh",
  "India",
  "Pakistan",
  "Sri Lanka",
  "Zimbabwe",
  "Nigeria",
  "Rwanda",
  "Liberia",
  "Mozambique",
  "Gambia",
];
const interviewStatuses = [
  "ELIGIBLE",
  "ELIGIBLE",
  "ELIGIBLE",
  "ELIGIBLE",
  "ELIGIBLE",
  "INELIGIBLE",
  "INELIGIBLE",
  "INELIGIBLE",
  "INVITED",
  "INVITED",
  "INVITED",
  "CONSENTED",
  "DECLINED",
  "SCHEDULED",
  "COMPLETED",
  "WITHDRAWN",
  "INTERESTED",
];
const workshopStatuses = [...interviewStatuses, "WAITLISTED", "WAITLISTED"];

/**
 * 100,000 volunteers and their participations in a few statements (INSERT … SELECT over generate_series),
 * not 100,000 round trips. Names, staff groups, regions and countries vary; three in four registered for
 * the interview study, one in two for the workshops (everyone for at least one), in statuses from
 * "eligible" to "completed". A fixed seed makes every run the same data.
 */
export async function seedVolunteers(client: pg.Client, count: number): Promise<void> {
  const { rows: studies } = await client.query<{ id: string; slug: string }>("select id, slug from studies");
  const interview = studies.find((s) => s.slug === "interview-study")!.id;
  const workshops = studies.find((s) => s.slug === "workshops")!.id;
  const pick = (values: string[]) => `(${sqlArray(values)})[1 + floor(random() * ${values.length})::int]`;
  await client.query("select setseed(0.4242)");
  await client.query(`
    insert into volunteers (email, email_normalised, full_name, staff_group, region, partnership_country, employer, job_title, created_at, updated_at)
    select e, e, f || ' ' || l, sg, rg, ct, 'An NHS trust', 'Clinician', t, t
    from (
      select lower(translate(f || '.' || l, ' ''', '')) || '.' || g || '@nhs.example' as e, f, l, sg, rg,
        case when random() < 0.05 then null else ct end as ct, t
      from (
        select g, ${pick(firstNames)} as f, ${pick(lastNames)} as l, ${pick(staffGroups)} as sg, ${pick(regions)} as rg, ${pick(countries)} as ct,
          now() - random() * interval '400 days' as t
        from generate_series(1, ${count}) g
      ) raw
    ) v`);
  for (const [studyId, statuses, share] of [
    [interview, interviewStatuses, "r < 0.75"],
    [workshops, workshopStatuses, "r >= 0.5"],
  ] as const) {
    await client.query(`
      insert into participations (volunteer_id, study_id, status, eligibility, eligibility_reasons, invited_at, information_sheet_sent_at,
                                  consented_at, completed_at, withdrawn_at, created_at, updated_at)
      select id, '${studyId}', s::participation_status,
        (case when s = 'INELIGIBLE' then 'INELIGIBLE' else 'ELIGIBLE' end)::eligibility_outcome,
        case when s = 'INELIGIBLE' then '["You need to work in the NHS now."]'::jsonb else '[]'::jsonb end,
        case when s in ('INVITED', 'CONSENTED', 'DECLINED', 'SCHEDULED', 'COMPLETED', 'WITHDRAWN', 'WAITLISTED') then created_at + interval '2 days' end,
        case when s in ('INVITED', 'CONSENTED', 'DECLINED', 'SCHEDULED', 'COMPLETED', 'WITHDRAWN', 'WAITLISTED') then created_at + interval '2 days' end,
        case when s in ('CONSENTED', 'SCHEDULED', 'COMPLETED', 'WAITLISTED') or (s = 'WITHDRAWN' and random() < 0.5) then created_at + interval '5 days' end,
        case when s = 'COMPLETED' then created_at + interval '20 days' end,
        case when s = 'WITHDRAWN' then created_at + interval '9 days' end,
        created_at, created_at
      from (select id, created_at, random() as r, ${pick([...statuses])} as s from volunteers) v
      where ${share}`);
  }
  await client.query("analyze volunteers; analyze participations");
}

/** A signed-in researcher (both factors done), made in the database as tests/e2e/researcher-session.ts does. */
export async function createResearcherSession(client: pg.Client): Promise<string> {
  const token = randomUUID();
  const { rows } = await client.query<{ id: string }>(
    `insert into researchers (email, name, role, totp_enabled_at, updated_at) values ($1, 'Bench Researcher', 'RESEARCHER', now(), now()) returning id`,
    [`bench.${token.slice(0, 8)}@imperial.ac.uk`],
  );
  await client.query(
    `insert into researcher_sessions (session_token, researcher_id, expires, second_factor_at) values ($1, $2, now() + interval '2 hours', now())`,
    [token, rows[0]!.id],
  );
  return token;
}
