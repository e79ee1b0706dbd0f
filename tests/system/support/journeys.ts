import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/prisma";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { CURRENT_CALL_QUESTION_SET } from "@/lib/questions/current-call";
import { PAGE_VERSIONS_KEY } from "@/lib/registration/journey";
import { validAnswers } from "../../support/registration-answers";

/**
 * The portal's journeys driven over plain HTTP, as a browser without JavaScript drives them: the forms'
 * own hidden fields (how Next.js names a server action in a form that works without JavaScript) read
 * from the page, the answers added, posted with the Origin a browser sends.
 */

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden fields of the form that contains `marker` (e.g. its submit button's text). */
export function hiddenFieldsOfForm(html: string, marker: string): [string, string][] {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`no form with ${JSON.stringify(marker)} on the page`);
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [
    decodeHtml(m[1]!),
    decodeHtml(m[2] ?? ""),
  ]);
}

export async function postForm(
  url: string,
  fields: [string, string][],
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return fetch(url, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { ...headers, origin: new URL(url).origin, ...(cookie ? { cookie } : {}) },
    signal: AbortSignal.timeout(30_000),
  });
}

/** Someone's answers, as the registration form sends them, with their own name and address. */
export function answersFor(person: { fullName: string; email: string }): Record<string, unknown> {
  const { website: _website, ...answers } = validAnswers;
  return { ...answers, fullName: person.fullName, email: person.email };
}

/**
 * A registration whose steps are answered, ready for the final "Register" on check your answers: the
 * draft the step pages would have saved, written straight to the database. Returns its cookie value.
 */
export async function aDraftReadyToSubmit(db: Database, answers: Record<string, unknown>): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // The step pages record which published version of the call's questions each page was answered from.
  const version = await db.questionSetVersion.findFirstOrThrow({
    where: { questionSet: { slug: CURRENT_CALL_QUESTION_SET.slug }, publishedAt: { not: null } },
    orderBy: { version: "desc" },
  });
  const pages = (version.definition as { pages: { slug: string }[] }).pages;
  const pageVersions = Object.fromEntries(pages.map((page) => [page.slug, version.id]));
  await db.registrationDraft.create({
    data: {
      tokenHash: createHash("sha256").update(token).digest("hex"),
      answers: { ...answers, [PAGE_VERSIONS_KEY]: pageVersions } as object,
      submissionKey: randomBytes(24).toString("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return token;
}

/** The check-your-answers form's hidden fields (the same for every draft: they name the action). */
export async function registrationFormFields(baseUrl: string, draftToken: string): Promise<[string, string][]> {
  const response = await fetch(`${baseUrl}/register/check-answers`, {
    headers: { cookie: `registration=${draftToken}` },
  });
  if (!response.ok) throw new Error(`check your answers answered ${response.status}`);
  return hiddenFieldsOfForm(await response.text(), ">Register</button>");
}

/** The final submit. A 303 to the confirmation page means it was stored. */
export function submitRegistration(baseUrl: string, draftToken: string, fields: [string, string][]): Promise<Response> {
  return postForm(`${baseUrl}/register/check-answers`, fields, `registration=${draftToken}`);
}

export function isRegistered(response: Response): boolean {
  return response.status === 303 && (response.headers.get("location") ?? "").includes("/register/confirmation");
}

/** The token of the newest link of this kind in the emails written to this person's outbox. */
export async function tokenFromEmails(
  db: Database,
  volunteerId: string,
  kind: "consent" | "manage",
  template?: string,
): Promise<string> {
  const emails = await db.outgoingEmail.findMany({
    where: { volunteerId, ...(template ? { template } : {}) },
    orderBy: { createdAt: "desc" },
  });
  for (const email of emails) {
    const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(email.textBody);
    if (match) return match[1]!;
  }
  throw new Error(`no ${kind} link in the emails to ${volunteerId}`);
}

/** Invites the person to the interview study, as a researcher would, and returns their consent link's token. */
export async function inviteToInterviewStudy(
  db: Database,
  email: string,
): Promise<{ volunteerId: string; participationId: string; consentToken: string }> {
  const participation = await db.participation.findFirstOrThrow({
    where: { volunteer: { emailNormalised: email.trim().toLowerCase() }, study: { slug: "interview-study" } },
    select: { id: true, volunteerId: true },
  });
  await inviteParticipant(db, { participationId: participation.id, actor: { type: "SYSTEM" } });
  return {
    volunteerId: participation.volunteerId,
    participationId: participation.id,
    consentToken: await tokenFromEmails(db, participation.volunteerId, "consent", "invitation"),
  };
}

/**
 * The consent form's fields to "Confirm and sign" without JavaScript: the page's hidden fields, every
 * required statement agreed, optional ones answered yes, and the typed name.
 */
export async function signingFields(
  db: Database,
  baseUrl: string,
  consentToken: string,
  signedName: string,
): Promise<[string, string][]> {
  const response = await fetch(`${baseUrl}/consent/${consentToken}`);
  if (!response.ok) throw new Error(`the consent page answered ${response.status}`);
  const fields = hiddenFieldsOfForm(await response.text(), 'name="consentFormId"');
  const formId = fields.find(([name]) => name === "consentFormId")?.[1];
  if (!formId) throw new Error("no consentFormId on the consent page");
  const statements = await db.consentStatement.findMany({
    where: { consentFormId: formId },
    orderBy: { position: "asc" },
  });
  return [
    ...fields,
    ...statements.map((s) => [`statement-${s.id}`, "yes"] as [string, string]),
    ["signedName", signedName],
    ["step", "sign"],
  ];
}

/** Posts the signature. A 303 to the manage page means it was signed. */
export function submitSignature(baseUrl: string, consentToken: string, fields: [string, string][]): Promise<Response> {
  return postForm(`${baseUrl}/consent/${consentToken}`, fields);
}
