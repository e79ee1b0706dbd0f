/**
 * The booking benchmark of `npm run bench`: 50 consented participants race for 10 interview slots at the
 * same moment, on a portal of its own. Exactly 10 must be booked, the other 40 told "That time has just
 * been taken", and none may fail otherwise; the latency of each attempt is reported (p50, p95).
 *
 * Each participant goes for one slot (five per slot) and answers are counted as the participant sees
 * them. The attempt is `bookThroughLib` today: the lib command a participant's booking page calls
 * (lib/interviews/book-interview-slot.ts), on the portal's own database, with one connection per racer.
 * When the participant's booking page exists, a `bookThroughHttp` posting its form is the only change.
 */
import { createHash } from "node:crypto";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { bookInterviewSlot } from "@/lib/interviews/book-interview-slot";
import { SchedulingError } from "@/lib/scheduling/errors";
import { machine, markdownTable, percentile, withPortal } from "./harness";
import { prepareInvitedPeople } from "./load-data";

const PARTICIPANTS = 50;
const SLOTS = 10;
const TAKEN = "That time has just been taken. Choose another.";
const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_bench%40thread.v2/0";

type Racer = { volunteerId: string; participationId: string; slotId: string };
type Answer = "booked" | "taken" | "error";

/** One participant's attempt, as they would see its answer. */
async function bookThroughLib(db: Database, racer: Racer): Promise<Answer> {
  try {
    await bookInterviewSlot(db, { type: "PARTICIPANT", volunteerId: racer.volunteerId }, racer);
    return "booked";
  } catch (error) {
    if (error instanceof SchedulingError && error.message === TAKEN) return "taken";
    process.stderr.write(`booking error: ${error instanceof Error ? error.message : String(error)}\n`);
    return "error";
  }
}

/** Fifty people who have signed the interview study's consent form, through the real signing. */
async function consentedPeople(
  db: Database,
  tokens: string[],
): Promise<{ volunteerId: string; participationId: string }[]> {
  const people = [];
  for (const token of tokens) {
    const invitation = await findConsentInvitation(db, token);
    if (invitation.kind !== "ready") throw new Error(`A prepared consent link is ${invitation.kind}.`);
    const values: Record<string, unknown> = { signedName: "Bench Participant" };
    for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
    const signed = await signConsent(db, { token, consentFormId: invitation.form.id, values });
    if (signed.kind !== "signed") throw new Error("A prepared participant could not sign.");
    const row = await db.accessToken.findFirstOrThrow({
      where: { tokenHash: createHash("sha256").update(token, "utf8").digest("hex") },
      select: { volunteerId: true, participationId: true },
    });
    people.push({ volunteerId: row.volunteerId!, participationId: row.participationId! });
  }
  return people;
}

export async function bookingBenchmark(): Promise<void> {
  await withPortal("booking", {}, async (portal) => {
    const client = await portal.connect();
    const prepared = await (async () => {
      const tokens = await prepareInvitedPeople(client, PARTICIPANTS);
      // Ten slots a week ahead, an hour apart, as a researcher would publish them.
      const { rows } = await client.query<{ id: string }>(
        `insert into interview_slots (study_id, starts_at, duration_minutes, meeting_link, updated_at)
         select s.id, date_trunc('hour', now()) + interval '7 days' + n * interval '1 hour', 30, $1, now()
         from studies s, generate_series(0, $2::int - 1) n where s.slug = 'interview-study'
         returning id`,
        [TEAMS, SLOTS],
      );
      return { tokens, slotIds: rows.map((r) => r.id) };
    })().finally(() => client.end());
    // One connection per racer, so that they all really wait on the slots' row locks at once.
    const db = createPrismaClient(await portal.databaseUrl(), { maxConnections: PARTICIPANTS });
    try {
      const people = await consentedPeople(db, prepared.tokens);
      const racers: Racer[] = people.map((p, i) => ({ ...p, slotId: prepared.slotIds[i % SLOTS]! }));
      // Open the connections before the clock starts.
      await Promise.all(racers.map(() => db.$executeRaw`select pg_sleep(0.05)`));

      const latencies: number[] = [];
      const started = performance.now();
      const answers = await Promise.all(
        racers.map(async (racer) => {
          const t = performance.now();
          const answer = await bookThroughLib(db, racer);
          latencies.push(performance.now() - t);
          return answer;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const count = (a: Answer) => answers.filter((x) => x === a).length;
      const bookedSlots = await db.interviewSlot.count({ where: { bookedInterviewId: { not: null } } });
      const table = markdownTable(
        [
          "scenario",
          "participants:",
          "slots:",
          "booked:",
          "told taken:",
          "errors:",
          "seconds:",
          "p50 (ms):",
          "p95 (ms):",
        ],
        [
          [
            "booking race (lib bookInterviewSlot)",
            PARTICIPANTS,
            SLOTS,
            count("booked"),
            count("taken"),
            count("error"),
            seconds.toFixed(2),
            percentile(latencies, 50).toFixed(0),
            percentile(latencies, 95).toFixed(0),
          ],
        ],
      );
      process.stdout.write(`\n${machine()}\n\n${table}\n\n`);
      const right =
        count("booked") === SLOTS &&
        count("taken") === PARTICIPANTS - SLOTS &&
        count("error") === 0 &&
        bookedSlots === SLOTS;
      process.stdout.write(
        `${right ? "As expected" : "NOT as expected"}: ${count("booked")} booked (${bookedSlots} slots taken in the database), ${count("taken")} told the time was taken, ${count("error")} errors.\n`,
      );
      if (!right) process.exitCode = 1;
    } finally {
      await db.$disconnect();
    }
  });
}
