import { beforeEach, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/forms/action-error";
import { findResearcher, listResearchers } from "@/lib/researchers/list-researchers";
import {
  addResearcher,
  changeResearcherRole,
  resetResearcherAuthenticator,
  setResearcherDisabled,
  signResearcherOutEverywhere,
} from "@/lib/researchers/manage-researchers";
import { addResearcherFormSchema } from "@/lib/researchers/researcher-forms";
import { NotAllowedError } from "@/lib/auth/permissions";
import { findResearcherSession, type Researcher } from "@/lib/auth/researcher-session";
import { aResearcher, aSession, auditActions } from "./support/researchers";
import { testDb } from "./support/test-db";

let admin: Researcher;
let researcher: Researcher;

beforeEach(async () => {
  admin = await aResearcher("ADMIN");
  researcher = await aResearcher("RESEARCHER");
});

const sessionsOf = (researcherId: string) => testDb().researcherSession.count({ where: { userId: researcherId } });

describe("listing researchers", () => {
  it("shows each account's role, second factor, last sign-in and whether disabled, without secrets, to admins only", async () => {
    const pending = await aResearcher("RESEARCHER", { totpEnabledAt: null });
    await setResearcherDisabled(testDb(), admin, { researcherId: pending.id, disabled: true });
    const list = await listResearchers(testDb(), admin);
    expect(list.map((r) => r.id)).toEqual([admin.id, researcher.id, pending.id]); // disabled last
    expect(list[2]).toMatchObject({ totpEnabledAt: null, disabledAt: expect.any(Date) });
    expect(JSON.stringify(list)).not.toContain("sealed-secret");
    await expect(listResearchers(testDb(), researcher)).rejects.toThrow(NotAllowedError);
    await expect(findResearcher(testDb(), researcher, admin.id)).rejects.toThrow(NotAllowedError);
    expect(await findResearcher(testDb(), admin, "not-a-uuid")).toBeNull();
    await aSession(researcher.id);
    await testDb().researcherSession.create({
      data: { sessionToken: crypto.randomUUID(), userId: researcher.id, expires: new Date(Date.now() - 1000) },
    });
    expect((await findResearcher(testDb(), admin, researcher.id))?._count.sessions).toBe(1);
    expect(await findResearcher(testDb(), admin, crypto.randomUUID())).toBeNull();
  });
});

describe("adding a researcher", () => {
  it("creates the account with a lower-cased address, emails them how to sign in, and audits it", async () => {
    const input = addResearcherFormSchema.parse({
      email: "  Grace.Hopper@Imperial.ac.uk ",
      name: "Grace Hopper",
      role: "RESEARCHER",
    });
    const { id } = await addResearcher(testDb(), admin, { ...input, publicUrl: "http://portal.test" });
    const account = await testDb().researcher.findUniqueOrThrow({ where: { id } });
    expect(account).toMatchObject({
      email: "grace.hopper@imperial.ac.uk",
      name: "Grace Hopper",
      role: "RESEARCHER",
      totpSecret: null,
      totpEnabledAt: null,
    });
    const email = await testDb().outgoingEmail.findFirstOrThrow({ where: { template: "researcher-account" } });
    expect(email.toAddress).toBe("grace.hopper@imperial.ac.uk");
    expect(email.textBody).toContain("http://portal.test/sign-in");
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "researcher.added" } });
    expect(event).toMatchObject({ actorId: admin.id, subjectId: id, data: { role: "RESEARCHER" } });
    expect(JSON.stringify(event.data)).not.toContain("grace");
  });

  it("refuses a second account with the same address, however it is typed", async () => {
    const input = addResearcherFormSchema.parse({ email: researcher.email.toUpperCase(), name: "Twin", role: "ADMIN" });
    const error = await addResearcher(testDb(), admin, { ...input, publicUrl: "http://portal.test" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ field: "email" });
    expect(await testDb().researcher.count()).toBe(2);
  });

  it("is refused to a researcher who is not an admin", async () => {
    const input = addResearcherFormSchema.parse({ email: "x@imperial.ac.uk", name: "X", role: "ADMIN" });
    await expect(addResearcher(testDb(), researcher, { ...input, publicUrl: "http://portal.test" })).rejects.toThrow(
      NotAllowedError,
    );
    expect(await testDb().researcher.count()).toBe(2);
  });

  it("checks the form", () => {
    const result = addResearcherFormSchema.safeParse({ email: "nope", name: " ", role: "OWNER" });
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([
      "Enter their email address in the correct format, like name@imperial.ac.uk",
      "Enter their full name",
      "Choose their role",
    ]);
  });
});

describe("roles", () => {
  it("an admin changes another's role, audited with both roles", async () => {
    await changeResearcherRole(testDb(), admin, { researcherId: researcher.id, role: "ADMIN" });
    expect((await testDb().researcher.findUniqueOrThrow({ where: { id: researcher.id } })).role).toBe("ADMIN");
    expect((await testDb().auditEvent.findFirstOrThrow({ where: { action: "researcher.role_changed" } })).data).toEqual(
      { from: "RESEARCHER", to: "ADMIN" },
    );
  });

  it("an admin cannot remove their own admin role; a researcher cannot change roles at all", async () => {
    await expect(changeResearcherRole(testDb(), admin, { researcherId: admin.id, role: "RESEARCHER" })).rejects.toThrow(
      "You cannot remove your own admin role. Ask another admin to do it",
    );
    await expect(
      changeResearcherRole(testDb(), researcher, { researcherId: researcher.id, role: "ADMIN" }),
    ).rejects.toThrow(NotAllowedError);
    await expect(
      changeResearcherRole(testDb(), researcher, { researcherId: admin.id, role: "RESEARCHER" }),
    ).rejects.toThrow(NotAllowedError);
    expect((await testDb().researcher.findMany({ orderBy: { role: "asc" } })).map((r) => r.role)).toEqual([
      "ADMIN",
      "RESEARCHER",
    ]);
    expect(await auditActions()).toEqual([]);
  });
});

describe("disabling and enabling", () => {
  it("disabling ends every session at once and stops the account being used; enabling lets them sign in again", async () => {
    const token = await aSession(researcher.id);
    await aSession(researcher.id);
    expect(await findResearcherSession(token)).not.toBeNull();
    await setResearcherDisabled(testDb(), admin, { researcherId: researcher.id, disabled: true });
    expect(await sessionsOf(researcher.id)).toBe(0);
    expect(await findResearcherSession(token)).toBeNull();
    await setResearcherDisabled(testDb(), admin, { researcherId: researcher.id, disabled: false });
    expect((await testDb().researcher.findUniqueOrThrow({ where: { id: researcher.id } })).disabledAt).toBeNull();
    expect(await auditActions()).toEqual(["researcher.disabled", "researcher.enabled"]);
    expect((await testDb().auditEvent.findFirstOrThrow({ where: { action: "researcher.disabled" } })).data).toEqual({
      sessionsEnded: 2,
    });
  });

  it("an admin cannot disable themselves; a researcher cannot disable anyone", async () => {
    await aSession(admin.id);
    await expect(setResearcherDisabled(testDb(), admin, { researcherId: admin.id, disabled: true })).rejects.toThrow(
      "You cannot disable your own account. Ask another admin to do it",
    );
    await expect(
      setResearcherDisabled(testDb(), researcher, { researcherId: admin.id, disabled: true }),
    ).rejects.toThrow(NotAllowedError);
    expect(await testDb().researcher.count({ where: { disabledAt: { not: null } } })).toBe(0);
    expect(await sessionsOf(admin.id)).toBe(1);
  });

  it("refuses an account that does not exist", async () => {
    await expect(
      setResearcherDisabled(testDb(), admin, { researcherId: crypto.randomUUID(), disabled: true }),
    ).rejects.toThrow("That researcher does not exist.");
  });
});

describe("sessions and the authenticator", () => {
  it("an admin signs another researcher out everywhere", async () => {
    await aSession(researcher.id);
    await aSession(researcher.id);
    const mine = await aSession(admin.id);
    expect(await signResearcherOutEverywhere(testDb(), admin, { researcherId: researcher.id })).toBe(2);
    expect(await sessionsOf(researcher.id)).toBe(0);
    expect(await findResearcherSession(mine)).not.toBeNull();
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "auth.signed_out_everywhere" } });
    expect(event).toMatchObject({ actorId: admin.id, subjectId: researcher.id, data: { sessionsEnded: 2 } });
    await expect(signResearcherOutEverywhere(testDb(), researcher, { researcherId: admin.id })).rejects.toThrow(
      NotAllowedError,
    );
    expect(await sessionsOf(admin.id)).toBe(1);
  });

  it("resetting the authenticator forgets the app and ends their sessions, so they enrol again at next sign-in", async () => {
    await aSession(researcher.id);
    await resetResearcherAuthenticator(testDb(), admin, { researcherId: researcher.id });
    expect(await testDb().researcher.findUniqueOrThrow({ where: { id: researcher.id } })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    expect(await sessionsOf(researcher.id)).toBe(0);
    expect(
      (await testDb().auditEvent.findFirstOrThrow({ where: { action: "researcher.authenticator_reset" } })).data,
    ).toEqual({ sessionsEnded: 1 });
    await expect(resetResearcherAuthenticator(testDb(), researcher, { researcherId: admin.id })).rejects.toThrow(
      NotAllowedError,
    );
    expect((await testDb().researcher.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBe("sealed-secret");
  });
});
