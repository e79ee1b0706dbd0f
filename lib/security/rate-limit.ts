import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { readEnv } from "@/lib/config/env";
import { getPgPool } from "@/lib/db/pg-pool";

/**
 * Limits per client address, counted in PostgreSQL so that every instance of the portal shares them.
 * Each limit is generous for people (a whole NHS trust may share one address) and tight for scripts.
 */
type Limit = { points: number; durationSeconds: number };

function limits(): Record<RateLimitedAction, Limit> {
  return {
    "registration-start": { points: 60, durationSeconds: 600 },
    "registration-step": { points: 300, durationSeconds: 600 },
    "registration-submit": { points: readEnv().REGISTRATION_RATE_LIMIT, durationSeconds: 600 },
    // Per client address and per email address: enough for a mistyped address, not for a list.
    "sign-in-request": { points: 10, durationSeconds: 600 },
    // Per researcher: a 6-digit code cannot be guessed in 5 tries every 15 minutes.
    "second-factor": { points: 5, durationSeconds: 900 },
    // Personal links (consent and manage pages, their forms and downloads): a person opens a handful;
    // a script guessing tokens needs millions. Links that lead nowhere count again, six times as strictly:
    // people reach them only through an old email.
    "token-link": { points: readEnv().TOKEN_LINK_RATE_LIMIT, durationSeconds: 600 },
    "token-link-unknown": { points: Math.floor(readEnv().TOKEN_LINK_RATE_LIMIT / 6), durationSeconds: 600 },
  };
}

export type RateLimitedAction =
  | "registration-start"
  | "registration-step"
  | "registration-submit"
  | "sign-in-request"
  | "second-factor"
  | "token-link"
  | "token-link-unknown";
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<RateLimitedAction, RateLimiterPostgres>();

function limiterFor(action: RateLimitedAction): RateLimiterPostgres {
  let limiter = limiters.get(action);
  if (!limiter) {
    const { points, durationSeconds } = limits()[action];
    limiter = new RateLimiterPostgres({
      storeClient: getPgPool(),
      storeType: "pool",
      tableName: "rate_limits",
      // The table is created by a reviewed migration, never by the library.
      tableCreated: true,
      keyPrefix: action,
      points,
      duration: durationSeconds,
    });
    limiters.set(action, limiter);
  }
  return limiter;
}

export async function consumeRateLimit(action: RateLimitedAction, clientKey: string): Promise<RateLimitDecision> {
  try {
    await limiterFor(action).consume(clientKey);
    return { allowed: true };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
    }
    // The limiter's store failed (e.g. the database is down): let the request through rather than
    // turn people away; whatever it does next will meet the same database and fail clearly.
    return { allowed: true };
  }
}

/**
 * The gate in front of every personal-link request: refused while the client has met too many unknown
 * links (peeked, not counted: the page counts those, see `countUnknownTokenLink`), otherwise counted
 * against the general personal-link limit.
 */
export async function consumeTokenLinkLimit(clientKey: string): Promise<RateLimitDecision> {
  try {
    const unknown = await limiterFor("token-link-unknown").get(clientKey);
    if (unknown && unknown.consumedPoints >= limits()["token-link-unknown"].points) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(unknown.msBeforeNext / 1000)) };
    }
  } catch {
    // As in consumeRateLimit: a failing store lets people through.
  }
  return consumeRateLimit("token-link", clientKey);
}

/** Counts a personal link that matched nothing (unknown, expired, replaced); the next gate may refuse. */
export async function countUnknownTokenLink(clientKey: string): Promise<void> {
  await consumeRateLimit("token-link-unknown", clientKey);
}
