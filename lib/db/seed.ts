import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { CURRENT_CALL_QUESTION_SET, currentCallDefinition } from "@/lib/questions/current-call";
import { seedStudies, type SeedStudy } from "@/lib/seed/study-content";
import type { Database } from "./prisma";

export const DEMO_RESEARCHER = {
  email: "demo.researcher@example.org",
  name: "Demo Researcher",
  /** A published authenticator key: the demo account exists only in development. */
  totpSecret: "DEMOACCOUNTKEYNOTFORREALUSE23456",
} as const;

/** Any number, fixed: only one seed runs at a time, however many portals start together. */
const SEED_ADVISORY_LOCK = 4_172_013;

export type SeedOptions = {
  demoResearcher: boolean;
  initialAdminEmail?: string | undefined;
  /** Seals the demo researcher's authenticator key; needed with demoResearcher. */
  authSecret?: string | undefined;
};

export type SeedResult = { studiesCreated: string[]; researchersCreated: string[] };

/**
 * Idempotent: creates what is missing and never changes what exists, so the study team's edits survive
 * every restart. Each study is created with its first information sheet and consent form, published.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${SEED_ADVISORY_LOCK})`;
    await ensureCurrentCallQuestionSet(tx);
    const studiesCreated: string[] = [];
    for (const study of seedStudies) {
      const existing = await tx.study.findUnique({ where: { slug: study.slug }, select: { id: true } });
      if (existing) continue;
      await createStudy(tx, study);
      studiesCreated.push(study.slug);
    }

    const researchers: { email: string; name: string | null }[] = [];
    if (options.demoResearcher) researchers.push({ ...DEMO_RESEARCHER });
    if (options.initialAdminEmail) researchers.push({ email: options.initialAdminEmail, name: null });
    const researchersCreated: string[] = [];
    for (const r of researchers) {
      const email = r.email.trim().toLowerCase();
      const existing = await tx.researcher.findUnique({ where: { email }, select: { id: true } });
      if (existing) continue;
      await tx.researcher.create({ data: { email, name: r.name, role: "ADMIN" } });
      researchersCreated.push(email);
    }
    if (options.demoResearcher && options.authSecret) {
      // The demo account signs in with a known authenticator key, so anyone trying the portal can. It is
      // sealed again whenever the local secret changed, or the key would no longer open.
      const demo = await tx.researcher.findUniqueOrThrow({ where: { email: DEMO_RESEARCHER.email } });
      if (!demo.totpSecret || openSecret(demo.totpSecret, options.authSecret) !== DEMO_RESEARCHER.totpSecret) {
        await tx.researcher.update({
          where: { id: demo.id },
          data: {
            totpSecret: sealSecret(DEMO_RESEARCHER.totpSecret, options.authSecret),
            totpEnabledAt: new Date(),
            totpLastStep: null,
          },
        });
      }
    }
    return { studiesCreated, researchersCreated };
  });
}

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Migration 20261204090000_study_builder stores the call's question set; a database emptied since (the
 * integration tests truncate every table) gets the same version 1 back, from the same definition.
 */
async function ensureCurrentCallQuestionSet(tx: Tx): Promise<void> {
  const set = await tx.questionSet.upsert({
    where: { slug: CURRENT_CALL_QUESTION_SET.slug },
    create: { ...CURRENT_CALL_QUESTION_SET },
    update: {},
    select: { id: true, _count: { select: { versions: true } } },
  });
  if (set._count.versions > 0) return;
  await tx.questionSetVersion.create({
    data: { questionSetId: set.id, version: 1, definition: currentCallDefinition, publishedAt: new Date() },
  });
}

async function createStudy(tx: Tx, study: SeedStudy): Promise<void> {
  const publishedAt = new Date();
  const created = await tx.study.create({
    data: {
      slug: study.slug,
      kind: study.kind,
      title: study.title,
      shortTitle: study.shortTitle,
      summary: study.summary,
      whatTakingPartInvolves: study.whatTakingPartInvolves,
      ethicsCommittee: study.ethicsCommittee,
      ethicsReference: study.ethicsReference,
      status: study.status,
      targetMin: study.targetMin,
      targetMax: study.targetMax,
      invitationMode: study.invitationMode,
      consentRequired: study.consentRequired,
      considerationPeriodHours: study.considerationPeriodHours,
      retentionDays: study.retentionDays,
      reminderAfterDays: study.reminderAfterDays,
      contactName: study.contactName,
      contactEmail: study.contactEmail,
      displayOrder: study.displayOrder,
      // Parsed here as well as in tests: a malformed rule must never reach the database.
      eligibilityRules: eligibilityRulesSchema.parse(study.eligibilityRules),
      // The call's question set is version 1 of migration 20261204090000_study_builder.
      questionSet: { connect: { slug: CURRENT_CALL_QUESTION_SET.slug } },
      ruleVersions: { create: { version: 1, rules: eligibilityRulesSchema.parse(study.eligibilityRules) } },
    },
  });
  const sheet = await tx.informationSheet.create({
    data: {
      studyId: created.id,
      version: study.informationSheet.version,
      versionDate: new Date(`${study.informationSheet.versionDate}T00:00:00Z`),
      title: study.informationSheet.title,
      content: study.informationSheet.content,
      publishedAt,
    },
  });
  // Statements go in while the form is a draft; once published, the database refuses any change to it.
  const form = await tx.consentForm.create({
    data: {
      studyId: created.id,
      informationSheetId: sheet.id,
      version: study.consentForm.version,
      versionDate: new Date(`${study.consentForm.versionDate}T00:00:00Z`),
      title: study.consentForm.title,
      statements: {
        create: study.consentForm.statements.map((s, index) => ({
          position: index + 1,
          key: s.key,
          text: s.text,
          required: s.required,
        })),
      },
    },
  });
  await tx.consentForm.update({ where: { id: form.id }, data: { publishedAt } });
}
