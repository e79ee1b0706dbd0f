import { randomUUID } from "node:crypto";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * The benchmark's floor: one INSERT of a row comparable to a registration's volunteer, through the same
 * Prisma client and server, so `npm run bench` can say how far registration is from the cheapest write.
 * It exists only when BENCHMARK_ROUTES=true.
 */
export async function POST(): Promise<Response> {
  if (readEnv().BENCHMARK_ROUTES !== "true") return new Response("Not found", { status: 404 });
  const email = `${randomUUID()}@bench.invalid`;
  await getDb().volunteer.create({
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
  return new Response(null, { status: 204 });
}
