import { beforeEach, describe, expect, it } from "vitest";
import { countSampleDiversity } from "@/lib/volunteers/count-sample-diversity";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { testDb } from "./support/test-db";
import { makeResearcher, makeVolunteer } from "./support/volunteers";

let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  researcher = await makeResearcher();
});

const row = (label: string, eligible: number, invited: number, active: number) =>
  expect.objectContaining({ label, eligible, invited, active });

describe("the interview sample's diversity", () => {
  it("counts eligible, invited and taking-part people by staff group, region and partnership country", async () => {
    await makeVolunteer({
      fullName: "A",
      staffGroup: "nurse",
      region: "london",
      partnershipCountry: "Uganda",
      participations: [{ study: "interview-study", status: "ELIGIBLE" }],
    });
    await makeVolunteer({
      fullName: "B",
      staffGroup: "nurse",
      region: "wales",
      partnershipCountry: "Uganda",
      participations: [{ study: "interview-study", status: "INVITED" }],
    });
    await makeVolunteer({
      fullName: "C",
      staffGroup: "doctor",
      region: "wales",
      partnershipCountry: "Nepal",
      participations: [{ study: "interview-study", status: "CONSENTED" }],
    });
    await makeVolunteer({
      fullName: "D",
      staffGroup: "doctor",
      region: "london",
      partnershipCountry: null,
      participations: [{ study: "interview-study", status: "SCHEDULED" }],
    });
    // Withdrew after consenting: eligible and invited, no longer taking part.
    await makeVolunteer({
      fullName: "E",
      staffGroup: "midwife",
      region: null,
      partnershipCountry: "Ghana",
      participations: [{ study: "interview-study", status: "WITHDRAWN", invited: true, consented: true }],
    });
    // Overridden to eligible counts; screened out (or overridden out) does not.
    await makeVolunteer({
      fullName: "F",
      staffGroup: null,
      region: "scotland",
      partnershipCountry: "Nepal",
      participations: [
        { study: "interview-study", status: "ELIGIBLE", eligibility: "INELIGIBLE", override: "ELIGIBLE" },
      ],
    });
    await makeVolunteer({
      fullName: "G",
      staffGroup: "pharmacy",
      region: "midlands",
      partnershipCountry: "Peru",
      participations: [{ study: "interview-study", status: "INELIGIBLE" }],
    });
    await makeVolunteer({
      fullName: "H",
      staffGroup: "pharmacy",
      region: "midlands",
      partnershipCountry: "Peru",
      participations: [
        { study: "interview-study", status: "INELIGIBLE", eligibility: "ELIGIBLE", override: "INELIGIBLE" },
      ],
    });
    // Another study's people are not in this sample.
    await makeVolunteer({
      fullName: "I",
      staffGroup: "pharmacy",
      region: "midlands",
      partnershipCountry: "Peru",
      participations: [{ study: "workshops", status: "CONSENTED" }],
    });

    const studyId = (await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } })).id;
    const sample = await countSampleDiversity(testDb(), researcher, { studyId });

    expect(sample.totals).toEqual({ eligible: 6, invited: 4, active: 2 });
    // Staff groups and regions in the registration form's order; "Not given" last.
    expect(sample.staffGroups).toEqual([
      row("Doctor or dentist", 2, 2, 2),
      row("Nurse or health visitor", 2, 1, 0),
      row("Midwife", 1, 1, 0),
      row("Not given", 1, 0, 0),
    ]);
    expect(sample.staffGroups.map((r) => r.value)).toEqual(["doctor", "nurse", "midwife", null]);
    expect(sample.regions).toEqual([
      row("London", 2, 1, 1),
      row("Scotland", 1, 0, 0),
      row("Wales", 2, 2, 1),
      row("Not given", 1, 1, 0),
    ]);
    // Countries, most eligible people first.
    expect(sample.countries).toEqual([
      row("Nepal", 2, 1, 1),
      row("Uganda", 2, 1, 0),
      row("Ghana", 1, 1, 0),
      row("Not given", 1, 1, 1),
    ]);
  });

  it("is all zeros for a study with no one in it", async () => {
    const studyId = (await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } })).id;
    expect(await countSampleDiversity(testDb(), researcher, { studyId })).toEqual({
      staffGroups: [],
      regions: [],
      countries: [],
      totals: { eligible: 0, invited: 0, active: 0 },
    });
  });
});
