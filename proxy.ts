import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/config/env";
import { screenFormPost } from "@/lib/http/screen-form-post";
import {
  contentSecurityPolicy,
  isTokenPage,
  newNonce,
  showsPersonalData,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";
import { clientKeyFromHeaders } from "@/lib/security/client-address";
import { consumeTokenLinkLimit } from "@/lib/security/rate-limit";

const messages = {
  400: "We could not read the form you sent. Go back, check your answers and try again.",
  411: "We could not read the form you sent. Go back and try again.",
  413: "The form you sent was too large. Go back, shorten your answers and try again.",
} as const;

function refusal(status: keyof typeof messages, nonce: string): NextResponse {
  // Its one style rule carries the nonce: the policy allows no inline styles without it.
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, there is a problem – Bi-directional learning research</title><style nonce="${nonce}">body{font-family:Arial,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5}</style></head><body><main><h1>Sorry, there is a problem</h1><p>${messages[status]}</p><p><a href="/">Go to the start page</a></p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/**
 * A personal link's client has asked too often: the link's page is replaced by the "try again" page
 * with 429. A form post is sent back to the link (303, or the header Next.js's client follows for a
 * server action called from script), where the person meets the same page.
 */
function limited(request: NextRequest, retryAfterSeconds: number, requestHeaders: Headers): NextResponse {
  const headers = { "Retry-After": String(retryAfterSeconds) };
  const link = request.nextUrl.pathname;
  if (request.method === "POST") {
    if (request.headers.has("next-action")) {
      return new NextResponse(null, {
        status: 429,
        headers: { ...headers, "content-type": "text/plain", "x-action-redirect": `${link};replace` },
      });
    }
    return NextResponse.redirect(new URL(link, request.url), { status: 303, headers });
  }
  const page = new URL("/try-again-later", request.url);
  page.searchParams.set("minutes", String(Math.ceil(retryAfterSeconds / 60)));
  return NextResponse.rewrite(page, { status: 429, headers, request: { headers: requestHeaders } });
}

/**
 * In front of every page, route and server action (not the static files: next.config.ts gives those
 * their headers). It gives each response its security headers with a fresh CSP nonce (Next.js reads the
 * nonce from the request's Content-Security-Policy header and puts it on its own scripts), keeps caches
 * away from personal data, rate-limits personal links, and refuses form posts that are too large or
 * unreadable with a plain page and a 4xx status before Next.js sees them.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = readEnv();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    upgradeInsecureRequests: env.publicUrl.startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);

  const response = await respond(request, requestHeaders, nonce);
  response.headers.set("Content-Security-Policy", policy);
  for (const { key, value } of staticSecurityHeaders()) response.headers.set(key, value);
  if (showsPersonalData(request.nextUrl.pathname) || response.status >= 400)
    response.headers.set("Cache-Control", "no-store");
  return response;
}

async function respond(request: NextRequest, requestHeaders: Headers, nonce: string): Promise<NextResponse> {
  if (isTokenPage(request.nextUrl.pathname)) {
    const decision = await consumeTokenLinkLimit(clientKeyFromHeaders(request.headers));
    if (!decision.allowed) return limited(request, decision.retryAfterSeconds, requestHeaders);
  }
  if (request.method === "POST") {
    const screening = await screenFormPost(request.clone());
    if (!screening.ok) return refusal(screening.status, nonce);
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Every page, route and action; not Next.js's own files or the static files in public/.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|assets/).*)"],
};
