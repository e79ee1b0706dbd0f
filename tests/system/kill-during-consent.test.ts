import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { halfWrittenConsents, halfWrittenRegistrations } from "./support/consistency";
import {
  aDraftReadyToSubmit,
  answersFor,
  inviteToInterviewStudy,
  isRegistered,
  registrationFormFields,
  signingFields,
  submitRegistration,
  submitSignature,
} from "./support/journeys";
import { startSystem, type System } from "./support/system";

/**
 * The app process killed (kill -9) while many people are signing their consent forms: after a restart,
 * each participation has either the whole consent (record, answers, status, audit event, both emails)
 * or none of it, the audit chain verifies, and the people whose signing was cut off can sign again.
 */
const PEOPLE = 24;

let system: System;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

describe("the app killed during consent submissions", () => {
  it("leaves every consent whole or absent, and the audit chain intact", async () => {
    let app = await system.startApp({ name: "app-before-kill", echo: process.env.SYSTEM_ECHO === "1" });

    // People registered through the portal and invited by the team, each with their consent link.
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      fullName: `Signer ${i + 1}`,
      email: `signer.${i + 1}.${Date.now()}@nhs.net`,
    }));
    const drafts = await Promise.all(people.map((p) => aDraftReadyToSubmit(system.db, answersFor(p))));
    const fields = await registrationFormFields(app.url, drafts[0]!);
    for (let i = 0; i < people.length; i++)
      expect(isRegistered(await submitRegistration(app.url, drafts[i]!, fields))).toBe(true);
    const invited = [];
    for (const person of people)
      invited.push({ ...person, ...(await inviteToInterviewStudy(system.db, person.email)) });
    const signing = await Promise.all(
      invited.map((p) => signingFields(system.db, app.url, p.consentToken, p.fullName)),
    );

    // Everyone presses "Confirm and sign" at once; the process dies a moment later.
    const posts = invited.map((p, i) =>
      submitSignature(app.url, p.consentToken, signing[i]!).then(
        (r) => r.status,
        () => "no answer" as const,
      ),
    );
    // Killed just as the first signatures are stored, so that some are done, some half-way, some not begun.
    const waitingSince = Date.now();
    while ((await system.db.consentRecord.count()) === 0 && Date.now() - waitingSince < 20_000)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    await app.kill();
    const answers = await Promise.all(posts);
    const cutOff = answers.filter((a) => a === "no answer").length;
    const storedAtKill = await system.db.consentRecord.count();
    process.stdout.write(
      `killed with ${cutOff} of ${PEOPLE} signatures unanswered; ${storedAtKill} consent records stored\n`,
    );

    // Whatever happened, nothing is half there.
    expect(await halfWrittenConsents(system.db)).toEqual([]);
    expect(await halfWrittenRegistrations(system.db)).toEqual([]);
    expect(await verifyAuditChain(system.db)).toMatchObject({ intact: true });
    const signedBeforeRestart = await system.db.consentRecord.count();
    expect(signedBeforeRestart).toBeGreaterThanOrEqual(answers.filter((a) => a === 303).length);

    // A new process starts cleanly on the same database, and those whose signature was lost sign again.
    app = await system.startApp({ name: "app-after-kill", echo: process.env.SYSTEM_ECHO === "1" });
    const records = await system.db.consentRecord.findMany({ select: { participationId: true } });
    const signed = new Set(records.map((r) => r.participationId));
    for (const p of invited.filter((p) => !signed.has(p.participationId))) {
      const response = await submitSignature(
        app.url,
        p.consentToken,
        await signingFields(system.db, app.url, p.consentToken, p.fullName),
      );
      expect(response.status, `${p.fullName} signs again after the crash`).toBe(303);
      expect(response.headers.get("location")).toMatch(/\/manage\/[A-Za-z0-9_-]{43}\?signed=/);
    }
    expect(await system.db.consentRecord.count()).toBe(PEOPLE);
    expect(
      await system.db.participation.count({ where: { study: { slug: "interview-study" }, status: "CONSENTED" } }),
    ).toBe(PEOPLE);
    expect(await halfWrittenConsents(system.db)).toEqual([]);
    expect(await verifyAuditChain(system.db)).toMatchObject({ intact: true });
  });
});
