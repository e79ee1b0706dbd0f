/**
 * The first benchmark of `npm run bench`: speed of the real registration endpoint against a production
 * build on the embedded database, next to the floor (one INSERT, served by the portal's own HTTP server
 * when BENCHMARK_ROUTES=true: lib/server/benchmark-routes.ts), at 1, 10 and 50 concurrent clients.
 *
 * Registration is measured as a browser without JavaScript uses it: each request is the final POST of
 * the check-your-answers form, with its own registration cookie (a draft prepared in the database),
 * answered with a 303 to the confirmation page. Both scenarios run in the same run on the same machine,
 * so their ratio means something even on a shared, noisy machine.
 */
import { QUICK, machine, markdownTable, timedRequests, withPortal, type Timed } from "./harness";
import { registrationFields, submitRegistration } from "./forms";
import { prepareRegistrationDrafts } from "./load-data";

const LEVELS = QUICK
  ? [{ concurrency: 50, requests: 1500 }]
  : [
      { concurrency: 1, requests: 300 },
      { concurrency: 10, requests: 1500 },
      { concurrency: 50, requests: 3000 },
    ];

function table(results: Timed[]): string {
  return markdownTable(
    ["scenario", "clients:", "requests:", "per second:", "p50 (ms):", "p95 (ms):", "errors:"],
    results.map((r) => [
      r.scenario,
      r.concurrency,
      r.requests,
      r.perSecond.toFixed(0),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.errors,
    ]),
  );
}

export async function registrationBenchmark(): Promise<void> {
  const env = {
    BENCHMARK_ROUTES: "true",
    // One client sends everything here; a real deployment keeps its limits.
    REGISTRATION_RATE_LIMIT: "100000000",
  };
  await withPortal("registration", env, async ({ base, connect }) => {
    const total = LEVELS.reduce((sum, l) => sum + l.requests, 0) + 20;
    const client = await connect();
    const tokens = await prepareRegistrationDrafts(client, total).finally(() => client.end());
    const fields = await registrationFields(base, tokens.pop()!);

    const register = async () => {
      const token = tokens.pop();
      if (!token) throw new Error("ran out of prepared registrations");
      return (await submitRegistration(base, fields, token)).ok;
    };
    const floor = async () => {
      const response = await fetch(`${base}/api/bench/insert`, { method: "POST", headers: { "content-length": "0" } });
      await response.arrayBuffer();
      return response.status === 204;
    };

    // Warm up both paths (first requests load code and open connections), and check each answers as expected.
    for (let i = 0; i < 10; i++) {
      if (!(await register())) throw new Error("Warming up, the registration submit did not answer as expected.");
      if (!(await floor())) throw new Error("Warming up, the floor did not answer 204 (is BENCHMARK_ROUTES on?).");
    }

    const results: Timed[] = [];
    for (const level of LEVELS) {
      results.push(await timedRequests("registration (final submit)", level.concurrency, level.requests, register));
      results.push(await timedRequests("floor (one INSERT)", level.concurrency, level.requests, floor));
    }

    const at50 = results.filter((r) => r.concurrency === 50);
    const ratio = at50[0]!.perSecond / at50[1]!.perSecond;
    process.stdout.write(`\n${machine()}\n\n${table(results)}\n\n`);
    process.stdout.write(
      `Registration throughput at 50 clients is ${(ratio * 100).toFixed(0)}% of the floor's (target: at least 50%); p95 ${at50[0]!.p95.toFixed(0)} ms (target: under 150 ms).\n`,
    );
  });
}
