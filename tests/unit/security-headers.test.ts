import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isTokenPage,
  newNonce,
  PERMISSIONS_POLICY,
  showsPersonalData,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

const production = { nonce: "abc123==", development: false, upgradeInsecureRequests: true };

describe("the Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce, and what they load ('strict-dynamic'), never inline or eval", () => {
    const script = directives(contentSecurityPolicy(production)).get("script-src")!;
    expect(script).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it("allows styles from the portal's own files and with the nonce, not inline ones", () => {
    expect(directives(contentSecurityPolicy(production)).get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
  });

  it("refuses framing, plugins, other bases and form targets elsewhere", () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only when the portal is served over HTTPS", () => {
    expect(directives(contentSecurityPolicy(production)).has("upgrade-insecure-requests")).toBe(true);
    expect(
      directives(contentSecurityPolicy({ ...production, upgradeInsecureRequests: false })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(false);
  });

  it("relaxes only what `next dev` needs in development: eval, and inline styles instead of the style nonce", () => {
    const policy = directives(contentSecurityPolicy({ ...production, development: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("is one header line: no line breaks, directives separated by semicolons", () => {
    expect(contentSecurityPolicy(production)).not.toMatch(/[\r\n]/);
    expect(contentSecurityPolicy(production)).not.toMatch(/;\s*;|;\s*$/);
  });
});

describe("the other security headers", () => {
  const headers = Object.fromEntries(staticSecurityHeaders().map(({ key, value }) => [key, value]));

  it("are HSTS for two years, nosniff, no framing, same-origin referrers and no powerful features", () => {
    expect(headers).toEqual({
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
      "Permissions-Policy": PERMISSIONS_POLICY,
    });
  });

  it("switch off camera, microphone, geolocation, payment, USB and the rest, each with an empty allow-list", () => {
    for (const feature of [
      "camera",
      "microphone",
      "geolocation",
      "payment",
      "usb",
      "serial",
      "hid",
      "display-capture",
    ]) {
      expect(PERMISSIONS_POLICY.split(", ")).toContain(`${feature}=()`);
    }
    expect(PERMISSIONS_POLICY.split(", ").every((entry) => /^[a-z-]+=\(\)$/.test(entry))).toBe(true);
  });
});

describe("nonces", () => {
  it("are 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("which addresses are which", () => {
  it("counts every page and download that shows personal data as such", () => {
    for (const path of [
      "/admin",
      "/admin/exports/volunteers.csv",
      "/admin/volunteers/1/consent-records/2",
      "/admin/volunteers/1/export",
      "/consent/tok",
      "/manage/tok/consent-records/r1",
      "/register",
      "/register/confirmation",
      "/sign-in",
      "/sign-in/check-email",
      "/api/auth/callback/email",
    ]) {
      expect(showsPersonalData(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/privacy",
      "/accessibility",
      "/studies/interview-study/information-sheet",
      "/administrator",
      "/registered",
      "/try-again-later",
    ]) {
      expect(showsPersonalData(path), path).toBe(false);
    }
  });

  it("knows a personal link's pages from the rest", () => {
    for (const path of [
      "/consent/tok",
      "/consent/tok/decline",
      "/manage/tok",
      "/manage/tok/withdraw",
      "/manage/tok/consent-records/r1",
    ]) {
      expect(isTokenPage(path), path).toBe(true);
    }
    for (const path of ["/consent", "/consent/", "/manage", "/", "/register/about-you", "/admin/volunteers/1"]) {
      expect(isTokenPage(path), path).toBe(false);
    }
  });
});
