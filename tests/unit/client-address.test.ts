import { describe, expect, it } from "vitest";
import { clientKeyFromHeaders } from "@/lib/security/client-address";

describe("the client key for rate limits", () => {
  it("uses the right-most X-Forwarded-For entry, the one a client cannot forge", () => {
    const forged = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), undefined);
    expect(forged).toBe(clientKeyFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7" }), undefined));
  });

  it("reads only the header the deployment trusts, when it names one", () => {
    const headers = new Headers({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "203.0.113.7" });
    expect(clientKeyFromHeaders(headers, "x-real-ip")).toBe(clientKeyFromHeaders(new Headers({ "x-real-ip": "198.51.100.1" }), "x-real-ip"));
    expect(clientKeyFromHeaders(headers, "x-real-ip")).not.toBe(clientKeyFromHeaders(headers, undefined));
  });

  it("never keeps the address itself", () => {
    const key = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7" }), undefined);
    expect(key).not.toContain("203.0.113.7");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
