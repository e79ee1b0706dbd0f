import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { testDb } from "./support/test-db";

describe("database constraints", () => {
  it("allow one volunteer per normalised email", async () => {
    const db = testDb();
    await db.volunteer.create({ data: { email: "a@example.org", emailNormalised: "a@example.org", fullName: "A" } });
    await expect(
      db.volunteer.create({ data: { email: "A@Example.org", emailNormalised: "a@example.org", fullName: "A again" } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("refuse an email key that was not normalised", async () => {
    const db = testDb();
    await expect(
      db.volunteer.create({ data: { email: "B@example.org", emailNormalised: " B@example.org", fullName: "B" } }),
    ).rejects.toThrow();
    expect(await db.volunteer.count()).toBe(0);
  });

  it("allow one participation per volunteer and study", async () => {
    const db = testDb();
    await seedDatabase(db, { demoResearcher: false });
    const study = await db.study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const v = await db.volunteer.create({
      data: { email: "c@example.org", emailNormalised: "c@example.org", fullName: "C" },
    });
    await db.participation.create({ data: { volunteerId: v.id, studyId: study.id, eligibility: "ELIGIBLE" } });
    await expect(
      db.participation.create({ data: { volunteerId: v.id, studyId: study.id, eligibility: "INELIGIBLE" } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("refuse an eligibility override without a reason", async () => {
    const db = testDb();
    await seedDatabase(db, { demoResearcher: false });
    const study = await db.study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const v = await db.volunteer.create({
      data: { email: "d@example.org", emailNormalised: "d@example.org", fullName: "D" },
    });
    await expect(
      db.participation.create({
        data: { volunteerId: v.id, studyId: study.id, eligibility: "INELIGIBLE", eligibilityOverride: "ELIGIBLE" },
      }),
    ).rejects.toThrow();
  });
});
