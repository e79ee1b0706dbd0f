import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { aDraftReadyToSubmit, answersFor, postForm, registrationFormFields } from "./support/journeys";
import { startSystem, type AppInstance, type System } from "./support/system";

/**
 * Rate limits count per client address, and a client cannot choose its address: two app instances on one
 * database, one reached directly and one behind a (pretend) proxy that sets X-Forwarded-For.
 */
const LIMIT = 3;

let system: System;
let direct: AppInstance;
let behindProxy: AppInstance;

beforeAll(async () => {
  system = await startSystem();
  const env = { REGISTRATION_RATE_LIMIT: String(LIMIT) };
  [direct, behindProxy] = await Promise.all([
    system.startApp({ name: "direct", env }),
    system.startApp({ name: "behind-proxy", env: { ...env, TRUSTED_PROXY_HEADER: "x-forwarded-for" } }),
  ]);
});

afterAll(async () => {
  await system?.stop();
});

let people = 0;
/** One final registration submit with these headers: "stored", or "limited" (sent to try again later). */
async function submit(app: AppInstance, headers: Record<string, string>): Promise<"stored" | "limited" | number> {
  people += 1;
  const draft = await aDraftReadyToSubmit(
    system.db,
    answersFor({ fullName: `Rate Limited ${people}`, email: `rate.${people}.${Date.now()}@nhs.net` }),
  );
  const fields = await registrationFormFields(app.url, draft);
  const response = await postForm(`${app.url}/register/check-answers`, fields, `registration=${draft}`, headers);
  const location = response.headers.get("location") ?? "";
  if (response.status === 303 && location.includes("/register/confirmation")) return "stored";
  if (response.status === 303 && location.includes("/register/try-again-later")) return "limited";
  return response.status;
}

describe("the client address behind rate limits", () => {
  it("is the connection's without a trusted proxy, whatever addresses the client sends", async () => {
    const outcomes = [];
    for (let i = 1; i <= LIMIT + 2; i++) {
      outcomes.push(
        await submit(direct, {
          "x-forwarded-for": `198.51.100.${i}`,
          "x-real-ip": `198.51.100.${i}`,
          [CLIENT_ADDRESS_HEADER]: `203.0.113.${i}`,
        }),
      );
    }
    expect(outcomes).toEqual([...Array(LIMIT).fill("stored"), "limited", "limited"]);
  });

  it("is the right-most X-Forwarded-For entry behind the trusted proxy: one limit per client, whatever it adds on the left", async () => {
    const outcomes = [];
    for (let i = 1; i <= LIMIT + 1; i++)
      outcomes.push(
        await submit(behindProxy, {
          "x-forwarded-for": `10.9.9.${i}, 192.0.2.10`,
          [CLIENT_ADDRESS_HEADER]: `203.0.113.${i}`,
        }),
      );
    expect(outcomes).toEqual([...Array(LIMIT).fill("stored"), "limited"]);
    // Another client, behind the same proxy, has a limit of its own.
    expect(await submit(behindProxy, { "x-forwarded-for": "192.0.2.11" })).toBe("stored");
  });
});
