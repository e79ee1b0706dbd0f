import { copyFile, mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { DEFAULT_MIGRATIONS_DIR, applyMigrations } from "@/lib/db/migrate";
import { CURRENT_CALL_QUESTION_SET, currentCallDefinition } from "@/lib/questions/current-call";
import { RESERVED_CODES } from "@/lib/questions/definition";
import { seedStudies } from "@/lib/seed/study-content";
import { validAnswers } from "../support/registration-answers";

/**
 * Migration 20261204090000_study_builder, applied to a database holding data of the shape it was written
 * for: a database migrated to just before it (by the project's own runner, from a folder of the earlier
 * migrations), filled as the portal filled it (both studies with their rules and documents, submissions
 * answering every question, outcomes either way with reasons and an override, a consent record, a
 * withdrawal, an erased person, audit events through the chain trigger), every row of every table noted,
 * then the migration applied. Nothing that was there may change; what it adds must be exactly right.
 */

const STUDY_BUILDER = "20261204090000_study_builder";

let url: string;
let name: string;
let client: pg.Client;

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A folder holding copies of the project's migrations that come before the given one. */
async function migrationsBefore(migration: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-before-"));
  const names = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name < migration)
    .map((e) => e.name);
  expect(names.length).toBeGreaterThan(5);
  for (const n of names) {
    await mkdir(path.join(dir, n));
    await copyFile(path.join(DEFAULT_MIGRATIONS_DIR, n, "migration.sql"), path.join(dir, n, "migration.sql"));
  }
  return dir;
}

async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "functions-none-"));
  await mkdir(dir, { recursive: true });
  return dir;
}

type Snapshot = Map<string, { columns: string[]; rows: string[] }>;

/** Every row of every table (but the runner's own), as JSON of its columns, in a stable order. */
async function snapshot(): Promise<Snapshot> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public'
       and tablename not in ('_prisma_migrations', '_database_functions') order by tablename`,
  );
  const result: Snapshot = new Map();
  for (const { name: table } of tables) {
    const { rows: columns } = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1
       order by ordinal_position`,
      [table],
    );
    const { rows } = await client.query<{ row: Record<string, unknown> }>(
      `select to_jsonb(t) as row from ${client.escapeIdentifier(table)} t`,
    );
    result.set(table, {
      columns: columns.map((c) => c.column_name),
      rows: rows.map((r) => JSON.stringify(r.row)).sort(),
    });
  }
  return result;
}

/** The rows of a later snapshot, cut down to the columns the table had before. */
function asBefore(after: { rows: string[] }, columns: string[]): string[] {
  return after.rows
    .map((text) => {
      const row = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => columns.includes(key))));
    })
    .sort();
}

const ids = {
  researcher: "00000000-0000-4000-8000-000000000001",
  ada: "00000000-0000-4000-8000-0000000000a1",
  bea: "00000000-0000-4000-8000-0000000000b1",
  cal: "00000000-0000-4000-8000-0000000000c1",
  erased: "00000000-0000-4000-8000-0000000000e1",
};

/** The answers of the old journey as stored: every answer under its field name, the journey's own ones too. */
const adaFirst = { ...validAnswers, email: "ada@nhs.net", learningDescription: "A first try." };
const adaLatest = {
  ...validAnswers,
  email: "ada@nhs.net",
  jobTitle: "Matron",
  region: "wales",
  ihpParticipation: "current",
  partnershipName: "Cardiff–Lesotho link",
  partnershipCountry: "Lesotho",
  partnershipYears: "2025 to now",
  otherVolunteering: "past",
  learningDescription: "Simulation training for sepsis.",
};
/** Never took part in a partnership, so no partnership details; not working in the NHS, no employer. */
const beaAnswers = {
  ...validAnswers,
  fullName: "Bea Never",
  email: "bea@nhs.net",
  phone: "07700 900123",
  worksInNhsNow: "no",
  employer: "",
  staffGroup: "other",
  ihpParticipation: "never",
  partnershipName: "",
  partnershipCountry: "",
  partnershipYears: "",
  otherVolunteering: "current",
  introducedLearning: "no",
  learningDescription: "",
  studies: ["interview-study"],
  workshopFormat: "online",
  workshopRegion: "",
  heardFrom: "other",
  heardFromOther: "A colleague",
};
const calAnswers = {
  ...validAnswers,
  fullName: "Cal Doctor",
  email: "cal@nhs.net",
  staffGroup: "doctor",
  region: "scotland",
  studies: ["workshops"],
};

function screeningPart(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(answers).filter(([key]) => !(RESERVED_CODES as readonly string[]).includes(key)),
  );
}

/** Fills the database as the portal did before the migration, in its tables of then. */
async function fillOldShape(): Promise<Record<string, string>> {
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  await q(
    `insert into researchers (id, email, name, role, updated_at) values ($1, 'lead@imperial.ac.uk', 'Lead', 'ADMIN', now())`,
    [ids.researcher],
  );
  const study: Record<string, string> = {};
  const sheet: Record<string, string> = {};
  const form: Record<string, string> = {};
  for (const s of seedStudies) {
    const { rows } = await q(
      `insert into studies (slug, kind, title, short_title, summary, what_taking_part_involves, ethics_committee,
         ethics_reference, status, target_min, target_max, invitation_mode, consent_required, eligibility_rules,
         consideration_period_hours, retention_days, contact_name, contact_email, display_order, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'RECRUITING', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, now())
       returning id`,
      [
        s.slug,
        s.kind,
        s.title,
        s.shortTitle,
        s.summary,
        s.whatTakingPartInvolves,
        s.ethicsCommittee,
        s.ethicsReference,
        s.targetMin,
        s.targetMax,
        s.invitationMode,
        s.consentRequired,
        JSON.stringify(s.eligibilityRules),
        s.considerationPeriodHours,
        s.retentionDays,
        s.contactName,
        s.contactEmail,
        s.displayOrder,
      ],
    );
    study[s.slug] = rows[0].id;
    const sheetRow = await q(
      `insert into information_sheets (study_id, version, version_date, title, content, published_at)
       values ($1, $2, $3, $4, $5, now()) returning id`,
      [
        rows[0].id,
        s.informationSheet.version,
        s.informationSheet.versionDate,
        s.informationSheet.title,
        s.informationSheet.content,
      ],
    );
    sheet[s.slug] = sheetRow.rows[0].id;
    // Statements go on while the form is a draft; then it is published.
    const formRow = await q(
      `insert into consent_forms (study_id, information_sheet_id, version, version_date, title)
       values ($1, $2, $3, $4, $5) returning id`,
      [rows[0].id, sheetRow.rows[0].id, s.consentForm.version, s.consentForm.versionDate, s.consentForm.title],
    );
    form[s.slug] = formRow.rows[0].id;
    for (const [i, statement] of s.consentForm.statements.entries()) {
      await q(
        `insert into consent_statements (consent_form_id, position, key, text, required) values ($1, $2, $3, $4, $5)`,
        [formRow.rows[0].id, i + 1, statement.key, statement.text, statement.required],
      );
    }
    await q(`update consent_forms set published_at = now() where id = $1`, [formRow.rows[0].id]);
  }

  const volunteer = async (id: string, answers: typeof validAnswers, extra: Record<string, unknown> = {}) => {
    await q(
      `insert into volunteers (id, email_normalised, email, full_name, phone, employer, staff_group, job_title, region,
         partnership_country, created_at, updated_at)
       values ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        id,
        answers.email,
        answers.fullName,
        answers.phone || null,
        answers.employer || null,
        answers.staffGroup,
        answers.jobTitle,
        answers.region,
        answers.partnershipCountry || null,
        extra.createdAt ?? "2026-11-27T09:00:00Z",
      ],
    );
  };
  const submission = async (volunteerId: string, answers: unknown, submittedAt: string, key: string) =>
    (
      await q(
        `insert into expressions_of_interest (volunteer_id, answers, privacy_notice_version, submission_key, submitted_at)
         values ($1, $2, '1.0', $3, $4) returning id`,
        [volunteerId, JSON.stringify(answers), key, submittedAt],
      )
    ).rows[0].id as string;
  const participation = async (
    volunteerId: string,
    slug: string,
    status: string,
    eligibility: string,
    reasons: string[],
  ) =>
    (
      await q(
        `insert into participations (volunteer_id, study_id, status, eligibility, eligibility_reasons, updated_at)
         values ($1, $2, $3, $4, $5, now()) returning id`,
        [volunteerId, study[slug], status, eligibility, JSON.stringify(reasons)],
      )
    ).rows[0].id as string;
  const audit = (
    actorType: string,
    actorId: string | null,
    action: string,
    subjectType: string,
    subjectId: string | null,
    data: unknown,
  ) =>
    q(
      `insert into audit_events (actor_type, actor_id, action, subject_type, subject_id, data) values ($1, $2, $3, $4, $5, $6)`,
      [actorType, actorId, action, subjectType, subjectId, JSON.stringify(data)],
    );

  // Ada registered twice: her latest answers count.
  await volunteer(ids.ada, adaLatest);
  const adaOld = await submission(ids.ada, adaFirst, "2026-11-27T09:00:00Z", "ada-1");
  const adaNew = await submission(ids.ada, adaLatest, "2026-11-29T10:30:00Z", "ada-2");
  const adaInterview = await participation(ids.ada, "interview-study", "CONSENTED", "ELIGIBLE", []);
  const adaWorkshop = await participation(ids.ada, "workshops", "WITHDRAWN", "ELIGIBLE", []);
  await audit("VOLUNTEER", ids.ada, "registration.submitted", "volunteer", ids.ada, { expressionOfInterestId: adaOld });
  await audit("VOLUNTEER", ids.ada, "registration.submitted", "volunteer", ids.ada, { expressionOfInterestId: adaNew });

  await volunteer(ids.bea, beaAnswers);
  const beaSubmission = await submission(ids.bea, beaAnswers, "2026-11-28T08:00:00Z", "bea-1");
  const beaInterview = await participation(ids.bea, "interview-study", "ELIGIBLE", "INELIGIBLE", [
    "This study is for people who work in the NHS now.",
  ]);
  // A researcher's override of the computed outcome, with the reason.
  await q(
    `update participations set eligibility_override = 'ELIGIBLE', override_reason = 'Left the NHS last week',
       overridden_by_id = $2, overridden_at = now() where id = $1`,
    [beaInterview, ids.researcher],
  );
  await audit("VOLUNTEER", ids.bea, "registration.submitted", "volunteer", ids.bea, {
    expressionOfInterestId: beaSubmission,
  });
  await audit("RESEARCHER", ids.researcher, "participation.eligibility_overridden", "participation", beaInterview, {
    eligibility: "ELIGIBLE",
  });

  await volunteer(ids.cal, calAnswers);
  await submission(ids.cal, calAnswers, "2026-11-28T12:00:00Z", "cal-1");
  await participation(ids.cal, "workshops", "INELIGIBLE", "INELIGIBLE", [
    "This study is for people who have introduced learning from a placement.",
  ]);

  // Consent: Ada signed the interview study's form.
  const { rows: records } = await q(
    `insert into consent_records (participation_id, consent_form_id, information_sheet_id, study_title, ethics_reference,
       consent_form_version, consent_form_version_date, information_sheet_version, information_sheet_version_date,
       statements, signed_name, signed_at, content_hash)
     select $1, f.id, s.id, st.title, st.ethics_reference, f.version, f.version_date, s.version, s.version_date,
       '[{"key":"taking-part","answer":"yes"}]'::jsonb, 'Ada Lovelace', now(), repeat('a', 64)
     from consent_forms f join information_sheets s on s.id = f.information_sheet_id join studies st on st.id = f.study_id
     where f.id = $2 returning id`,
    [adaInterview, form["interview-study"]],
  );
  await audit("PARTICIPANT", ids.ada, "consent.signed", "consent_record", records[0].id, {
    participationId: adaInterview,
  });
  // And withdrew from the workshops.
  await q(
    `insert into withdrawals (participation_id, method, channel, data_choice, reason, recorded_by_id)
     values ($1, 'RECORDED_BY_RESEARCHER', 'phone', 'KEEP', 'No time', $2)`,
    [adaWorkshop, ids.researcher],
  );
  await audit("RESEARCHER", ids.researcher, "participation.withdrawn", "participation", adaWorkshop, {
    dataChoice: "KEEP",
  });

  // An erased person: details gone, the submission's answers replaced, the row kept.
  await q(
    `insert into volunteers (id, email_normalised, email, full_name, erased_at, updated_at)
     values ($1, $2, $2, 'Erased', now(), now())`,
    [ids.erased, `erased-${ids.erased}@invalid`],
  );
  await submission(ids.erased, { erased: true }, "2026-11-27T11:00:00Z", "erased-1");
  await participation(ids.erased, "interview-study", "WITHDRAWN", "ELIGIBLE", []);
  await audit("RESEARCHER", ids.researcher, "volunteer.erased", "volunteer", ids.erased, {});
  return study;
}

let before: Snapshot;
let studyIds: Record<string, string>;

beforeAll(async () => {
  name = `study_builder_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) => c.query(`create database ${name}`));
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  url = u.toString();
  const earlier = await applyMigrations(url, {
    dir: await migrationsBefore(STUDY_BUILDER),
    functionsDir: await emptyFolder(),
  });
  expect(earlier.applied).toHaveLength((await readdir(DEFAULT_MIGRATIONS_DIR)).filter((n) => n < STUDY_BUILDER).length);
  expect(earlier.applied).not.toContain(STUDY_BUILDER);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`select to_regclass('question_sets') as present`);
  expect(rows[0].present).toBeNull();

  studyIds = await fillOldShape();
  before = await snapshot();

  // The migration, as a release applies it: the project's runner with the real folders.
  const result = await applyMigrations(url);
  expect(result.applied).toEqual([STUDY_BUILDER]);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
});

describe("migration 20261204090000_study_builder on the call's data", () => {
  it("changes no row that was there, in any table, beyond adding the new columns", async () => {
    const after = await snapshot();
    for (const [table, { columns, rows }] of before) {
      const now = after.get(table);
      expect(now, table).toBeDefined();
      expect(now!.columns.slice(0, columns.length).sort(), `${table} keeps its columns`).toEqual([...columns].sort());
      expect(asBefore(now!, columns), `${table} rows`).toEqual(rows);
    }
    // There was something to compare in the tables that matter.
    for (const table of [
      "studies",
      "information_sheets",
      "consent_forms",
      "consent_statements",
      "volunteers",
      "expressions_of_interest",
      "participations",
      "consent_records",
      "withdrawals",
      "audit_events",
      "researchers",
    ])
      expect(before.get(table)!.rows.length, table).toBeGreaterThan(0);
    // The new columns, and the new tables.
    const added = [...after].flatMap(([table, { columns }]) =>
      columns.filter((c) => !(before.get(table)?.columns ?? []).includes(c)).map((c) => `${table}.${c}`),
    );
    expect(added.filter((c) => before.has(c.split(".")[0]!)).sort()).toEqual([
      "participations.eligibility_rules_version_id",
      "studies.question_set_id",
      "volunteers.screening_answers",
    ]);
    expect([...after.keys()].filter((t) => !before.has(t)).sort()).toEqual([
      "eligibility_rule_versions",
      "expression_of_interest_versions",
      "question_set_versions",
      "question_sets",
    ]);
  });

  it("makes the call's questions version 1 of its set, published, and both studies use it", async () => {
    const { rows: sets } = await client.query(`select * from question_sets`);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ slug: CURRENT_CALL_QUESTION_SET.slug, title: CURRENT_CALL_QUESTION_SET.title });
    const { rows: versions } = await client.query(`select * from question_set_versions`);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ question_set_id: sets[0].id, version: 1, published_by_id: null });
    expect(versions[0].published_at).toBeInstanceOf(Date);
    expect(versions[0].definition).toStrictEqual(JSON.parse(JSON.stringify(currentCallDefinition)));
    const { rows: studies } = await client.query(`select slug, question_set_id from studies order by slug`);
    expect(studies).toEqual([
      { slug: "interview-study", question_set_id: sets[0].id },
      { slug: "workshops", question_set_id: sets[0].id },
    ]);
  });

  it("records every submission as having answered version 1", async () => {
    const { rows } = await client.query(
      `select e.id, array_agg(v.version) as versions
       from expressions_of_interest e left join expression_of_interest_versions l on l.expression_of_interest_id = e.id
       left join question_set_versions v on v.id = l.question_set_version_id group by e.id`,
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.versions).toEqual([1]);
  });

  it("copies each study's rules as its rule version 1, and names no version on outcomes decided before", async () => {
    const { rows } = await client.query(
      `select s.slug, s.eligibility_rules, r.version, r.rules, r.created_by_id
       from studies s join eligibility_rule_versions r on r.study_id = s.id order by s.slug, r.version`,
    );
    expect(rows.map((r) => [r.slug, r.version])).toEqual([
      ["interview-study", 1],
      ["workshops", 1],
    ]);
    for (const row of rows) {
      expect(row.rules).toStrictEqual(row.eligibility_rules);
      expect(row.rules).toStrictEqual(seedStudies.find((s) => s.slug === row.slug)!.eligibilityRules);
      expect(eligibilityRulesSchema.safeParse(row.rules).success).toBe(true);
      expect(row.created_by_id).toBeNull();
    }
    const { rows: outcomes } = await client.query(`select eligibility_rules_version_id from participations`);
    expect(outcomes).toHaveLength(5);
    for (const o of outcomes) expect(o.eligibility_rules_version_id).toBeNull();
    expect(Object.keys(studyIds).sort()).toEqual(["interview-study", "workshops"]);
  });

  it("gives each person their latest submission's screening answers, without the journey's own fields", async () => {
    const { rows } = await client.query<{ id: string; screening_answers: Record<string, unknown> }>(
      `select id, screening_answers from volunteers`,
    );
    const answers = new Map(rows.map((r) => [r.id, r.screening_answers]));
    expect(answers.get(ids.ada)).toStrictEqual(screeningPart(adaLatest));
    expect(answers.get(ids.ada)).toMatchObject({ partnershipCountry: "Lesotho", region: "wales", jobTitle: "Matron" });
    expect(answers.get(ids.bea)).toStrictEqual(screeningPart(beaAnswers));
    expect(answers.get(ids.bea)).toMatchObject({ ihpParticipation: "never", partnershipName: "", employer: "" });
    expect(answers.get(ids.cal)).toStrictEqual(screeningPart(calAnswers));
    // Exactly the call's question codes: nothing of "About you" or "Taking part" is kept.
    expect(Object.keys(answers.get(ids.ada)!).sort()).toEqual(
      currentCallDefinition.pages.flatMap((p) => p.questions.map((q) => q.code)).sort(),
    );
    expect(answers.get(ids.erased)).toStrictEqual({});
  });

  it("leaves the audit chain intact", async () => {
    const { rows } = await client.query(`select events_checked, broken_at_id, problem from audit_chain_report()`);
    expect(rows[0]).toEqual({ events_checked: "7", broken_at_id: null, problem: null });
    // And still chains the events written after it.
    await client.query(
      `insert into audit_events (actor_type, actor_id, action, subject_type, data) values ('SYSTEM', null, 'check', 'test', '{}')`,
    );
    const { rows: again } = await client.query(`select events_checked, broken_at_id from audit_chain_report()`);
    expect(again[0]).toEqual({ events_checked: "8", broken_at_id: null });
  });

  it("refuses to change or delete a published question set version, or any rule version", async () => {
    await expect(client.query(`update question_set_versions set definition = '{"pages": []}'::jsonb`)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(client.query(`update question_set_versions set published_at = null`)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(client.query(`delete from question_set_versions`)).rejects.toThrow(/cannot be deleted/);
    await expect(
      client.query(`update eligibility_rule_versions set rules = '{"criteria": []}'::jsonb`),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(client.query(`delete from eligibility_rule_versions`)).rejects.toThrow(/cannot be changed or deleted/);
    // A draft can still be edited, and a second draft of the same set is refused.
    const { rows } = await client.query(
      `insert into question_set_versions (question_set_id, version, definition, updated_at)
       select question_set_id, 2, definition, now() from question_set_versions where version = 1 returning id`,
    );
    await client.query(`update question_set_versions set definition = definition where id = $1`, [rows[0].id]);
    await expect(
      client.query(
        `insert into question_set_versions (question_set_id, version, definition, updated_at)
         select question_set_id, 3, definition, now() from question_set_versions where version = 1`,
      ),
    ).rejects.toThrow(/question_set_versions_one_draft/);
    await client.query(`delete from question_set_versions where id = $1`, [rows[0].id]);
  });
});
