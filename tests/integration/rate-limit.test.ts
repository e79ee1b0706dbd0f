import { describe, expect, it } from "vitest";
import { consumeRateLimit, consumeTokenLinkLimit, countUnknownTokenLink } from "@/lib/security/rate-limit";
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

  it("let a client open personal links 60 times in 10 minutes (TOKEN_LINK_RATE_LIMIT's default), then say how long to wait", async () => {
    for (let i = 0; i < 60; i++) {
      expect(await consumeTokenLinkLimit("client-d")).toEqual({ allowed: true });
    }
    const refused = await consumeTokenLinkLimit("client-d");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(await consumeTokenLinkLimit("client-e")).toEqual({ allowed: true });
  });

  it("refuse a client sooner once ten of its links in 10 minutes matched nothing, and count that in the shared table", async () => {
    for (let i = 0; i < 9; i++) await countUnknownTokenLink("client-f");
    expect(await consumeTokenLinkLimit("client-f")).toEqual({ allowed: true });
    await countUnknownTokenLink("client-f");
    const refused = await consumeTokenLinkLimit("client-f");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    // Someone else on another address is not affected, and a refused request is not counted as a link opened.
    expect(await consumeTokenLinkLimit("client-g")).toEqual({ allowed: true });
    const rows = await testDb().rateLimit.findMany({
      where: { key: { contains: "client-f" } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => [r.key, r.points])).toEqual([
      ["token-link-unknown:client-f", 10],
      ["token-link:client-f", 1],
    ]);
  });
});
