import { describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { testDb } from "./support/test-db";

describe("rate limits kept in PostgreSQL", () => {
  it("let a client submit up to the limit, then say how long to wait, without affecting anyone else", async () => {
    const limit = 20; // REGISTRATION_RATE_LIMIT's default
    for (let i = 0; i < limit; i++) {
      expect(await consumeRateLimit("registration-submit", "client-a")).toEqual({ allowed: true });
    }
    const refused = await consumeRateLimit("registration-submit", "client-a");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    expect(await consumeRateLimit("registration-submit", "client-b")).toEqual({ allowed: true });
    expect(await consumeRateLimit("registration-step", "client-a")).toEqual({ allowed: true });
  });

  it("keep their counts in the shared table, where every instance of the portal sees them", async () => {
    await consumeRateLimit("registration-start", "client-c");
    await consumeRateLimit("registration-start", "client-c");
    const rows = await testDb().rateLimit.findMany({ where: { key: { contains: "client-c" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBe(2);
  });
});
