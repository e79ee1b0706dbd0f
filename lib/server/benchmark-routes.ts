import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/prisma";
import type { NextHandler } from "./request-handling";

export const BENCHMARK_INSERT_PATH = "/api/bench/insert";

/**
 * The benchmark's floor (`npm run bench`, docs/benchmarks.md): POST /api/bench/insert does one INSERT of a
 * row comparable to a registration's volunteer, through a Prisma client made as the pages' is, so the
 * benchmark can say how far registration is from the cheapest write, and answers 204.
 *
 * It is served by the portal's own HTTP server in front of Next.js, not by the Next.js app, so that no
 * build of the app contains it: scripts/http-server.ts loads this module only when BENCHMARK_ROUTES=true,
 * and otherwise the path is an unknown page like any other (404). Inside createRequestHandler, so the
 * floor still pays for the request id, the access log line and the outage check, as registration does.
 */
export function withBenchmarkRoutes(next: NextHandler, db: Database): NextHandler {
  return async (req, res) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== BENCHMARK_INSERT_PATH) return next(req, res);
    // Nothing is read from the body; draining it lets the connection be kept alive for the next request.
    req.resume();
    const email = `${randomUUID()}@bench.invalid`;
    await db.volunteer.create({
      data: {
        email,
        emailNormalised: email,
        fullName: "Benchmark floor",
        staffGroup: "nurse",
        jobTitle: "Ward sister",
        region: "london",
        employer: "Benchmark NHS Trust",
      },
    });
    res.statusCode = 204;
    res.end();
  };
}
