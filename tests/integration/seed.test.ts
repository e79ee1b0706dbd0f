import { describe, expect, it } from "vitest";
import { DEMO_RESEARCHER, seedDatabase } from "@/lib/db/seed";
import { seedStudies } from "@/lib/seed/study-content";
import { testDb } from "./support/test-db";

describe("the seed", () => {
  it("creates both studies of the call, each with a published information sheet and consent form", async () => {
    const db = testDb();
    const result = await seedDatabase(db, { demoResearcher: false });
    expect(result.studiesCreated).toEqual(["interview-study", "workshops"]);

    const studies = await db.study.findMany({
      orderBy: { displayOrder: "asc" },
      include: { informationSheets: true, consentForms: { include: { statements: { orderBy: { position: "asc" } } } } },
    });
    expect(studies.map((s) => s.slug)).toEqual(["interview-study", "workshops"]);
    const interview = studies[0]!;
    expect(interview.ethicsReference).toBe("20IC6786");
    expect(interview.targetMin).toBe(12);
    expect(interview.targetMax).toBe(15);
    expect(interview.status).toBe("RECRUITING");

    for (const study of studies) {
      expect(study.informationSheets).toHaveLength(1);
      expect(study.informationSheets[0]!.publishedAt).not.toBeNull();
      expect(study.informationSheets[0]!.content).toMatch(/^DRAFT for the study team to replace/);
      expect(study.consentForms).toHaveLength(1);
      const form = study.consentForms[0]!;
      expect(form.informationSheetId).toBe(study.informationSheets[0]!.id);
      const source = seedStudies.find((s) => s.slug === study.slug)!;
      expect(form.statements.map((s) => [s.position, s.key, s.required])).toEqual(
        source.consentForm.statements.map((s, i) => [i + 1, s.key, s.required]),
      );
    }
  });

  it("is idempotent and never overwrites what the study team changed", async () => {
    const db = testDb();
    await seedDatabase(db, { demoResearcher: true });
    await db.study.update({ where: { slug: "workshops" }, data: { title: "Workshops (renamed by the team)" } });

    const second = await seedDatabase(db, { demoResearcher: true });
    expect(second).toEqual({ studiesCreated: [], researchersCreated: [] });
    expect(await db.study.count()).toBe(2);
    expect(await db.informationSheet.count()).toBe(2);
    expect(await db.consentForm.count()).toBe(2);
    expect(await db.researcher.count()).toBe(1);
    expect((await db.study.findUniqueOrThrow({ where: { slug: "workshops" } })).title).toBe(
      "Workshops (renamed by the team)",
    );
  });

  it("creates the demo researcher only when asked, and an initial admin from the configuration", async () => {
    const db = testDb();
    await seedDatabase(db, { demoResearcher: false, initialAdminEmail: "  Lead.Researcher@Imperial.ac.uk " });
    const researchers = await db.researcher.findMany();
    expect(researchers.map((r) => [r.email, r.role])).toEqual([["lead.researcher@imperial.ac.uk", "ADMIN"]]);

    await seedDatabase(db, { demoResearcher: true });
    expect(await db.researcher.findUnique({ where: { email: DEMO_RESEARCHER.email } })).not.toBeNull();
  });

  it("gives the same result when several portals seed at once", async () => {
    const db = testDb();
    const results = await Promise.all([1, 2, 3].map(() => seedDatabase(db, { demoResearcher: true })));
    expect(results.flatMap((r) => r.studiesCreated).sort()).toEqual(["interview-study", "workshops"]);
    expect(await db.study.count()).toBe(2);
    expect(await db.researcher.count()).toBe(1);
  });
});
