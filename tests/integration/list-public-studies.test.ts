import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { listPublicStudies } from "@/lib/studies/list-public-studies";
import { testDb } from "./support/test-db";

describe("listPublicStudies", () => {
  it("lists the seeded studies in display order, with who can take part from their rules", async () => {
    await seedDatabase(testDb(), { demoResearcher: false });
    const studies = await listPublicStudies();
    expect(studies.map((s) => s.slug)).toEqual(["interview-study", "workshops"]);
    expect(studies[0]!.whoCanTakePart).toHaveLength(3);
    expect(studies[1]!.whoCanTakePart).toHaveLength(2);
    expect(studies[0]!.ethicsReference).toBe("20IC6786");
  });

  it("never shows a draft study", async () => {
    const db = testDb();
    await seedDatabase(db, { demoResearcher: false });
    await db.study.update({ where: { slug: "workshops" }, data: { status: "DRAFT" } });
    expect((await listPublicStudies()).map((s) => s.slug)).toEqual(["interview-study"]);
  });
});
