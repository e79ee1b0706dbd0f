import { NextResponse, type NextRequest } from "next/server";
import { screenFormPost } from "@/lib/http/screen-form-post";

const messages = {
  400: "We could not read the form you sent. Go back, check your answers and try again.",
  411: "We could not read the form you sent. Go back and try again.",
  413: "The form you sent was too large. Go back, shorten your answers and try again.",
} as const;

/** Refuses form posts that are too large or cannot be read, with a plain page and a 4xx status. */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method !== "POST") return NextResponse.next();
  const screening = await screenFormPost(request.clone());
  if (screening.ok) return NextResponse.next();
  const message = messages[screening.status];
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, there is a problem – Bi-directional learning research</title></head><body style="font-family:Arial,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5"><main><h1>Sorry, there is a problem</h1><p>${message}</p><p><a href="/">Go to the start page</a></p></main></body></html>`;
  return new NextResponse(html, { status: screening.status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export const config = {
  // Every page and action; not Next.js's own files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|assets/).*)"],
};
