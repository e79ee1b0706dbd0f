/**
 * The booking benchmark of `npm run bench`: 50 consented participants race for 10 interview slots at the
 * same moment, on a portal of its own. Exactly 10 must be booked, the other 40 told "That time has just
 * been taken", and none may fail otherwise; the latency of each booking post is reported (fastest, p50, p95).
 *
 * Each participant books as a browser without JavaScript does: they open the interview page of their own
 * "Manage your participation" link, read its form (the server action's hidden fields), choose one of the
 * same ten times (five people per time) and post it, all fifty at once. Answers are counted as the person
 * sees them: the redirect to the "Interview booked" page, or the chooser shown again with the refusal.
 */
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { hashToken, newAccessToken } from "@/lib/tokens/access-token";
import { formData, formInputs, hiddenFields, post, request } from "./forms";
import { machine, markdownTable, percentile, withPortal } from "./harness";
import { prepareInvitedPeople } from "./load-data";

const PARTICIPANTS = 50;
const SLOTS = 10;
const TAKEN = "That time has just been taken";
const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_bench%40thread.v2/0";

type Person = { participationId: string; manageToken: string };
type Racer = Person & { url: string; fields: [string, string][]; slotId: string };
type Answer = "booked" | "taken" | "error";

/**
 * Fifty people who have signed the interview study's consent form, through the real signing, each with a
 * "Manage your participation" link of their own (as the emails after signing carry).
 */
async function consentedPeople(db: Database, tokens: string[]): Promise<Person[]> {
  const people = [];
  for (const token of tokens) {
    const invitation = await findConsentInvitation(db, token);
    if (invitation.kind !== "ready") throw new Error(`A prepared consent link is ${invitation.kind}.`);
    const values: Record<string, unknown> = { signedName: "Bench Participant" };
    for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
    const signed = await signConsent(db, { token, consentFormId: invitation.form.id, values });
    if (signed.kind !== "signed") throw new Error("A prepared participant could not sign.");
    const row = await db.accessToken.findFirstOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { volunteerId: true, participationId: true },
    });
    const manage = newAccessToken();
    await db.accessToken.create({
      data: {
        tokenHash: manage.tokenHash,
        purpose: "MANAGE_PARTICIPATION",
        volunteerId: row.volunteerId!,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
    people.push({ participationId: row.participationId!, manageToken: manage.token });
  }
  return people;
}

/** The person's interview page, read as a browser would: the chooser's hidden fields and its times. */
async function openChooser(base: string, person: Person): Promise<{ fields: [string, string][]; slotIds: string[] }> {
  const url = `${base}/manage/${person.manageToken}/interview?for=${person.participationId}`;
  const page = await request(url);
  const inputs = formInputs(page.html, 'id="slot-form"');
  const fields = hiddenFields(inputs);
  if (page.status !== 200 || !fields.some(([name]) => name.startsWith("$ACTION")))
    throw new Error(`A participant's interview page showed no booking form (status ${page.status}).`);
  return { fields, slotIds: inputs.filter((i) => i.type === "radio" && i.name === "slotId").map((i) => i.value) };
}

/** One participant's booking post, as they would see its answer. */
async function bookThroughHttp(racer: Racer): Promise<Answer> {
  try {
    const r = await post(racer.url, formData([...racer.fields, ["slotId", racer.slotId]]));
    if (r.status === 303 && r.location.includes("done=booked")) return "booked";
    if (r.status === 200 && r.html.includes(TAKEN)) return "taken";
    process.stderr.write(`booking error: status ${r.status}${r.location ? ` to ${r.location}` : ""}\n`);
  } catch (error) {
    process.stderr.write(`booking error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return "error";
}

export async function bookingBenchmark(): Promise<void> {
  // Every participant's requests come from this one address; a real deployment keeps its limit.
  const env = { TOKEN_LINK_RATE_LIMIT: "100000000" };
  await withPortal("booking", env, async (portal) => {
    const client = await portal.connect();
    const prepared = await (async () => {
      const tokens = await prepareInvitedPeople(client, PARTICIPANTS);
      // Ten slots a week ahead, an hour apart, as a researcher would publish them.
      const { rows } = await client.query<{ id: string }>(
        `insert into interview_slots (study_id, starts_at, duration_minutes, meeting_link, updated_at)
         select s.id, date_trunc('hour', now()) + interval '7 days' + n * interval '1 hour', 30, $1, now()
         from studies s, generate_series(0, $2::int - 1) n where s.slug = 'interview-study'
         order by n
         returning id`,
        [TEAMS, SLOTS],
      );
      return { tokens, slotIds: rows.map((r) => r.id) };
    })().finally(() => client.end());
    const db = createPrismaClient(await portal.databaseUrl());
    try {
      const people = await consentedPeople(db, prepared.tokens);
      // Everyone's page is open before the clock starts, each offering the same ten times.
      const racers: Racer[] = [];
      for (const [i, person] of people.entries()) {
        const chooser = await openChooser(portal.base, person);
        const slotId = prepared.slotIds[i % SLOTS]!;
        if (chooser.slotIds.length !== SLOTS || !chooser.slotIds.includes(slotId))
          throw new Error(`A participant's interview page offered ${chooser.slotIds.length} times, not the ${SLOTS}.`);
        const url = `${portal.base}/manage/${person.manageToken}/interview?for=${person.participationId}`;
        racers.push({ ...person, url, fields: chooser.fields, slotId });
      }
      // One post with no time chosen loads the action's code (and checks the form is read rightly) without
      // booking anything, so that the race measures booking rather than the server's first post.
      const warm = await post(racers[0]!.url, formData(racers[0]!.fields));
      if (warm.status !== 200 || !warm.html.includes('id="slotId-error"'))
        throw new Error(`Warming up, a post with no time chosen answered ${warm.status}, not the chooser's error.`);

      const latencies: number[] = [];
      const started = performance.now();
      const answers = await Promise.all(
        racers.map(async (racer) => {
          const t = performance.now();
          const answer = await bookThroughHttp(racer);
          latencies.push(performance.now() - t);
          return answer;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const count = (a: Answer) => answers.filter((x) => x === a).length;

      // What the database holds afterwards: ten interviews, each in its own slot, for those told "booked".
      const interviews = await db.interview.findMany({ select: { id: true, participationId: true } });
      const held = await db.interviewSlot.findMany({
        where: { bookedInterviewId: { not: null } },
        select: { bookedInterviewId: true },
      });
      const toldBooked = new Set(racers.filter((_, i) => answers[i] === "booked").map((r) => r.participationId));
      const databaseRight =
        interviews.length === SLOTS &&
        held.length === SLOTS &&
        new Set(held.map((s) => s.bookedInterviewId)).size === SLOTS &&
        interviews.every((x) => held.some((s) => s.bookedInterviewId === x.id) && toldBooked.has(x.participationId));

      const table = markdownTable(
        [
          "scenario",
          "participants:",
          "slots:",
          "booked:",
          "told taken:",
          "errors:",
          "seconds:",
          "fastest (ms):",
          "p50 (ms):",
          "p95 (ms):",
        ],
        [
          [
            "booking race (HTTP form post)",
            PARTICIPANTS,
            SLOTS,
            count("booked"),
            count("taken"),
            count("error"),
            seconds.toFixed(2),
            latencies[0]!.toFixed(0),
            percentile(latencies, 50).toFixed(0),
            percentile(latencies, 95).toFixed(0),
          ],
        ],
      );
      process.stdout.write(`\n${machine()}\n\n${table}\n\n`);
      const right =
        count("booked") === SLOTS && count("taken") === PARTICIPANTS - SLOTS && count("error") === 0 && databaseRight;
      process.stdout.write(
        `${right ? "As expected" : "NOT as expected"}: ${count("booked")} booked, ${count("taken")} told the time was taken, ${count("error")} errors; in the database ${interviews.length} interviews and ${held.length} slots held${databaseRight ? ", each slot once, by those told booked" : " (not one interview per slot for those told booked)"}.\n`,
      );
      if (!right) process.exitCode = 1;
    } finally {
      await db.$disconnect();
    }
  });
}
