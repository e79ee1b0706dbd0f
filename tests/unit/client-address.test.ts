import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, clientKeyFromHeaders } from "@/lib/security/client-address";

describe("the client's address, as the portal's server sets it", () => {
  it("is the connection's address when no proxy is trusted, whatever the client sends", () => {
    expect(
      clientAddressOf({ "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" }, "203.0.113.7", undefined),
    ).toBe("203.0.113.7");
  });

  it("writes an IPv4 address seen through an IPv6 socket as IPv4", () => {
    expect(clientAddressOf({}, "::ffff:203.0.113.7", undefined)).toBe("203.0.113.7");
    expect(clientAddressOf({}, "2001:DB8::1", undefined)).toBe("2001:db8::1");
  });

  it("takes the right-most entry of the trusted proxy's header, the one the proxy added", () => {
    const headers = { "x-forwarded-for": "1.2.3.4, 198.51.100.9" };
    expect(clientAddressOf(headers, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.9");
  });

  it("treats a repeated header as one list, in order", () => {
    expect(clientAddressOf({ "x-forwarded-for": ["1.2.3.4", "198.51.100.9"] }, "10.0.0.2", "x-forwarded-for")).toBe(
      "198.51.100.9",
    );
  });

  it("reads only the trusted header, by its name in any case", () => {
    const headers = { "x-real-ip": "198.51.100.1", "x-forwarded-for": "203.0.113.7" };
    expect(clientAddressOf(headers, "10.0.0.2", "X-Real-IP")).toBe("198.51.100.1");
  });

  it("is 'unknown' when the trusted header is missing or empty, not the proxy's own address", () => {
    expect(clientAddressOf({}, "10.0.0.2", "x-real-ip")).toBe("unknown");
    expect(clientAddressOf({ "x-real-ip": " , " }, "10.0.0.2", "x-real-ip")).toBe("unknown");
    expect(clientAddressOf({}, undefined, undefined)).toBe("unknown");
  });

  it("bounds a value that is not an address", () => {
    expect(clientAddressOf({ "x-real-ip": "x".repeat(500) }, undefined, "x-real-ip")).toHaveLength(100);
  });
});

describe("the client key for rate limits", () => {
  it("reads only the header the portal's server sets", () => {
    const forged = clientKeyFromHeaders(
      new Headers({ "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }),
    );
    expect(forged).toBe(clientKeyFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" })));
    expect(forged).not.toBe(clientKeyFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "1.2.3.4" })));
  });

  it("never keeps the address itself", () => {
    const key = clientKeyFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }));
    expect(key).not.toContain("203.0.113.7");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
