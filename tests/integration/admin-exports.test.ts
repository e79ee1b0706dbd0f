import { beforeEach, describe, expect, it } from "vitest";
import { exportConsentRegister } from "@/lib/exports/export-consent-register";
import { exportVolunteers } from "@/lib/exports/export-volunteers";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { csvRecords } from "../support/parse-csv";
import { consentedPerson } from "./support/consented";
import { participationOf, registerPerson } from "./support/participants";
import { useSecondQuestionSet } from "./support/question-sets";
import { aResearcher } from "./support/researchers";
import { testDb } from "./support/test-db";
import { makeVolunteer } from "./support/volunteers";

let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  researcher = await aResearcher("RESEARCHER");
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), bytes };
}

describe("the volunteer list export", () => {
  it("has one row per volunteer, across batches, in registration order, with each study's status and eligibility", async () => {
    const ids: string[] = [];
    for (const name of ["Ada Lovelace", "Siân Évans", "Grace Hopper", "Mary Seacole", "Florence Nightingale"])
      ids.push(await registerPerson({ fullName: name }));
    await registerPerson({ fullName: "Ian Ineligible", introducedLearning: "no", studies: ["interview-study"] }).then(
      (id) => ids.push(id),
    );
    const overridden = await participationOf(ids[5]!);
    await testDb().participation.update({
      where: { id: overridden.id },
      data: { eligibilityOverride: "ELIGIBLE", overrideReason: "Checked by phone" },
    });

    const result = await exportVolunteers(testDb(), researcher, { batchSize: 2 });
    expect(result.rowCount).toBe(6);
    expect(result.filename).toMatch(/^volunteers-\d{4}-\d{2}-\d{2}\.csv$/);
    const { text, bytes } = await readAll(result.stream);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    expect(text.slice(1)).toMatch(/^Volunteer ID,Full name,Email,/);
    expect(text).toContain("\r\n");
    const rows = csvRecords(text.slice(1));
    expect(rows.map((r) => r["Volunteer ID"])).toEqual(ids);
    expect(rows[1]).toMatchObject({
      "Full name": "Siân Évans",
      "Staff group": "Nurse or health visitor",
      Region: "London",
      "Partnership country": "Uganda",
      "Personal data erased": "No",
    });
    expect(rows[1]!["Registered (ISO 8601)"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(rows[1]!["Registered (UK time)"]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    expect(rows[0]).toMatchObject({
      [`${study.shortTitle}: status`]: "Not invited yet",
      [`${study.shortTitle}: eligibility`]: "Eligible",
      [`${workshops.shortTitle}: status`]: "Not invited yet",
    });
    expect(rows[5]).toMatchObject({
      [`${study.shortTitle}: status`]: "Screened out",
      [`${study.shortTitle}: eligibility`]: "Eligible (overridden)",
      [`${workshops.shortTitle}: status`]: "Not registered",
    });
  });

  it("neutralises cells that a spreadsheet would run as a formula", async () => {
    await registerPerson({
      fullName: '=HYPERLINK("http://evil.example","x")',
      jobTitle: "+44 lead",
      employer: "@trust",
      partnershipCountry: "-Uganda",
    });
    const { text } = await readAll((await exportVolunteers(testDb(), researcher)).stream);
    const [row] = csvRecords(text.slice(1));
    expect(row).toMatchObject({
      "Full name": `'=HYPERLINK("http://evil.example","x")`,
      "Job title": "'+44 lead",
      "NHS organisation": "'@trust",
      "Partnership country": "'-Uganda",
    });
  });

  it("has a column for each question of the published sets in use, each answer in words", async () => {
    await useSecondQuestionSet("workshops");
    const full = await makeVolunteer({
      fullName: "Ada Lovelace",
      screeningAnswers: {
        worksInNhsNow: "yes",
        employer: "Leeds Teaching Hospitals NHS Trust",
        staffGroup: "allied-health-professional",
        jobTitle: "Physiotherapist",
        region: "north-east-yorkshire",
        ihpParticipation: "current",
        partnershipName: "Leeds–Kampala physiotherapy link",
        partnershipCountry: "Uganda",
        partnershipYears: "2018 to 2020",
        otherVolunteering: "never",
        introducedLearning: "no",
        learningDescription: "=1+1 a formula",
        settings: ["hospital", "primary-care"],
        supervisesStudents: "no",
        qualifiedOn: "2011-07-31",
        yearsInPost: 12,
        notes: "@home",
      },
    });
    const none = await makeVolunteer({
      fullName: "Grace Hopper",
      staffGroup: null,
      region: null,
      partnershipCountry: null,
    });
    await testDb().volunteer.update({
      where: { id: none.id },
      data: { screeningAnswers: { ihpParticipation: "never", settings: ["retired-option"] } },
    });

    const { text } = await readAll((await exportVolunteers(testDb(), researcher)).stream);
    const [headerLine] = text.slice(1).split("\r\n");
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    // The existing columns first, as they were; then one per question, headed by its short label (a label an
    // earlier column already has is marked as the screening answer).
    expect(headerLine!.split(",").slice(-17)).toEqual([
      "Works in the NHS now",
      "NHS trust or organisation",
      "Staff group (screening answer)",
      "Role or job title",
      "Region (screening answer)",
      "THET-funded international health partnership",
      "Partnership",
      "Country",
      "Years",
      "Other international volunteering",
      "Introduced learning into the NHS",
      "What you introduced",
      "Work settings",
      "Supervises students",
      "Qualified",
      "Years in post",
      "Notes",
    ]);
    expect(headerLine).toContain(`${study.shortTitle}: eligibility,Works in the NHS now`);
    const rows = csvRecords(text.slice(1));
    expect(rows.map((r) => r["Volunteer ID"])).toEqual([full.id, none.id]);
    expect(rows[0]).toMatchObject({
      "Works in the NHS now": "Yes",
      "NHS trust or organisation": "Leeds Teaching Hospitals NHS Trust",
      "Staff group (screening answer)": "Allied health professional",
      "Role or job title": "Physiotherapist",
      "Region (screening answer)": "North East and Yorkshire",
      "THET-funded international health partnership": "Yes, I am taking part now",
      Partnership: "Leeds–Kampala physiotherapy link",
      Country: "Uganda",
      Years: "2018 to 2020",
      "Other international volunteering": "No, never",
      "Introduced learning into the NHS": "No",
      // Answers are neutralised as every other cell is.
      "What you introduced": "'=1+1 a formula",
      "Work settings": "In a hospital; In primary care",
      "Supervises students": "No",
      Qualified: "2011-07-31",
      "Years in post": "12",
      Notes: "'@home",
    });
    // Unanswered questions are empty cells; an option no version offers any more stays as its code.
    expect(rows[1]).toMatchObject({
      "Staff group": "",
      "THET-funded international health partnership": "No, never",
      Partnership: "",
      "Work settings": "retired-option",
      Qualified: "",
    });
  });

  it("leaves the answer columns empty for a person whose data was erased", async () => {
    const erased = await makeVolunteer({ fullName: "Erased Person" });
    await testDb().volunteer.update({
      where: { id: erased.id },
      data: { fullName: "Erased", erasedAt: new Date(), staffGroup: null, region: null, screeningAnswers: {} },
    });
    const [row] = csvRecords((await readAll((await exportVolunteers(testDb(), researcher)).stream)).text.slice(1));
    expect(row).toMatchObject({
      "Personal data erased": "Yes",
      "Staff group (screening answer)": "",
      "Region (screening answer)": "",
      Country: "",
    });
  });

  it("is audited with the number of rows, holding no personal data", async () => {
    await registerPerson();
    await registerPerson();
    await exportVolunteers(testDb(), researcher);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "export.volunteers" } });
    expect(event).toMatchObject({
      actorType: "RESEARCHER",
      actorId: researcher.id,
      subjectType: "export",
      data: { rowCount: 2 },
    });
  });

  it("holds only those registered before it started, however long the download takes", async () => {
    await registerPerson();
    const result = await exportVolunteers(testDb(), researcher, { batchSize: 1 });
    await registerPerson();
    expect(csvRecords((await readAll(result.stream)).text.slice(1))).toHaveLength(1);
  });

  it("with nobody registered is a header and nothing more", async () => {
    const { text } = await readAll((await exportVolunteers(testDb(), researcher)).stream);
    expect(csvRecords(text.slice(1))).toEqual([]);
    expect(text.startsWith("\uFEFFVolunteer ID,")).toBe(true);
  });
});

describe("the consent register export", () => {
  it("has one row per consent record with versions, each optional answer, the signature, times and the hash", async () => {
    const first = await consentedPerson({ fullName: "Ada Lovelace" }, "yes", "Ada Lovelace");
    await consentedPerson({ fullName: "Siân Évans" }, "no", "Siân Évans");
    const result = await exportConsentRegister(testDb(), researcher, { batchSize: 1 });
    expect(result.rowCount).toBe(2);
    expect(result.filename).toMatch(/^consent-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const { text, bytes } = await readAll(result.stream);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRecords(text.slice(1));
    expect(rows).toHaveLength(2);
    const record = await testDb().consentRecord.findFirstOrThrow({ where: { participationId: first.participationId } });
    const optional = (
      await testDb().consentStatement.findMany({
        where: { required: false, consentForm: { studyId: (await participationOf(first.volunteerId)).studyId } },
        orderBy: { position: "asc" },
      })
    ).map((s) => s.key);
    expect(optional.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({
      "Full name": "Ada Lovelace",
      Study: record.studyTitle,
      "Consent form version": "0.1",
      "Consent form date": "2026-11-26",
      "Information sheet version": "0.1",
      "Signed name": "Ada Lovelace",
      "Signed (ISO 8601)": record.signedAt.toISOString(),
      "Record ID": record.id,
      "SHA-256 hash": record.contentHash,
    });
    for (const key of optional) {
      expect(rows[0]![`Optional statement: ${key}`]).toBe("Yes");
      expect(rows[1]![`Optional statement: ${key}`]).toBe("No");
    }
    expect(rows[1]!["Full name"]).toBe("Siân Évans");
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "export.consent_register" } });
    expect(event).toMatchObject({ actorId: researcher.id, data: { rowCount: 2 } });
  });

  it("neutralises a name or signature that would run as a formula", async () => {
    await consentedPerson({ fullName: "=cmd|' /C calc'!A0" }, "yes", "=cmd|' /C calc'!A0");
    const [row] = csvRecords((await readAll((await exportConsentRegister(testDb(), researcher)).stream)).text.slice(1));
    expect(row!["Full name"]).toBe("'=cmd|' /C calc'!A0");
    expect(row!["Signed name"]).toBe("'=cmd|' /C calc'!A0");
  });
});
