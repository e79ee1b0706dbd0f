import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from "@/lib/email/retry-delay";

describe("the wait before retrying an email", () => {
  it("starts at the base delay and doubles with each failed attempt", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelaySeconds(attempts, 30))).toEqual([30, 60, 120, 240, 480]);
  });

  it("never exceeds an hour, however many attempts failed", () => {
    expect(retryDelaySeconds(8, 30)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryDelaySeconds(20, 30)).toBe(3600);
    expect(retryDelaySeconds(10_000, 1)).toBe(3600);
    expect(retryDelaySeconds(1, 7200)).toBe(3600);
  });

  it("treats a first attempt, or none, as the base delay", () => {
    expect(retryDelaySeconds(0, 45)).toBe(45);
    expect(retryDelaySeconds(1, 45)).toBe(45);
  });

  it("never shrinks as attempts grow", () => {
    for (let attempts = 1; attempts < 40; attempts++) {
      expect(retryDelaySeconds(attempts + 1, 5)).toBeGreaterThanOrEqual(retryDelaySeconds(attempts, 5));
    }
  });
});
