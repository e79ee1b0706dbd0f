/**
 * The security headers of every response, as pure functions: the proxy adds them (with a fresh nonce) to
 * pages and route handlers, and next.config.ts adds the ones without a nonce to the static files the proxy
 * never sees. Kept here so that both places, and the tests, share one definition.
 */

export type Header = { key: string; value: string };

/**
 * Every powerful browser feature, switched off for every frame. Only features Chromium recognises are
 * listed: an unknown one makes the browser log an error on every page.
 */
const DISABLED_FEATURES = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
] as const;

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/**
 * The headers that need no nonce: on every response, static files included. Referrer-Policy is
 * "same-origin", not "no-referrer": see docs/decisions/005-referrer-policy.md.
 */
export function staticSecurityHeaders(): Header[] {
  return [
    // Two years, the preload list's minimum. Browsers ignore it over plain HTTP (development, tests).
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // frame-ancestors 'none' in the CSP does the same for browsers that understand CSP level 2.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  ];
}

export type PolicyOptions = {
  nonce: string;
  /** `next dev` needs eval (React rebuilds server error stacks with it) and injects <style> elements. */
  development: boolean;
  /** Only when the portal is reached over HTTPS: over plain HTTP the upgraded requests would fail. */
  upgradeInsecureRequests: boolean;
};

/**
 * A strict, nonce-based Content-Security-Policy. Scripts run only with this response's nonce, or when a
 * script that has it loads them ('strict-dynamic': Next.js's runtime loads its chunks that way); 'self'
 * in script-src is only a fallback for browsers that predate 'strict-dynamic'.
 *
 * Styles: the portal's CSS is files (nhsuk-frontend compiled with our Sass), React renders no style
 * attributes and Next.js links its CSS rather than inlining it, so style-src is 'self' plus the nonce
 * (which Next.js puts on any <style> it does emit, and which the proxy's own error page uses). No
 * 'unsafe-inline': a style attribute injected into a page is refused like a script is. Style changes made
 * from script through the CSSOM (the route announcer) are not affected by CSP. In development only,
 * 'unsafe-inline' replaces the nonce because the dev server injects <style> elements without one.
 */
export function contentSecurityPolicy({ nonce, development, upgradeInsecureRequests }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // data: for the small images nhsuk-frontend's CSS embeds (icons).
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (upgradeInsecureRequests) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A fresh nonce: 128 random bits, base64 (CSP's nonce-source grammar allows base64 and its padding). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Pages and downloads that show personal data: never stored by the browser or any cache between. The
 * public pages are rendered per request anyway (each has its own nonce), and Next.js already sends
 * "no-store" with every dynamic page; this list makes the rule explicit and keeps it if a page here is
 * ever made static.
 */
const PERSONAL_DATA_SECTIONS = ["/admin", "/consent", "/manage", "/register", "/sign-in", "/api/auth"];

export function showsPersonalData(pathname: string): boolean {
  return PERSONAL_DATA_SECTIONS.some((section) => pathname === section || pathname.startsWith(`${section}/`));
}

/** `/consent/<token>…` and `/manage/<token>…`: the pages reached by a participant's personal link. */
export function isTokenPage(pathname: string): boolean {
  return /^\/(consent|manage)\/[^/]+/.test(pathname);
}
