import { readEnv } from "@/lib/config/env";

/**
 * The "Sign in" button's plain form post: the only way to use an emailed sign-in link. It hands the token
 * to Auth.js's callback, which checks it, uses it up and starts the session. A plain route rather than a
 * server action, so the browser itself follows the redirects and keeps the session cookie.
 */
export async function POST(request: Request): Promise<Response> {
  // Only this site's own page may post here: a sign-in started from another site is refused.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) return new Response("Not allowed.", { status: 403 });
  const form = await request.formData().catch(() => null);
  const token = String(form?.get("token") ?? "");
  const email = String(form?.get("email") ?? "");
  if (!/^[0-9a-f]{64}$/.test(token) || email.length > 254) {
    return Response.redirect(`${readEnv().publicUrl}/sign-in/error`, 303);
  }
  const callback = new URLSearchParams({ token, email, callbackUrl: "/sign-in/two-factor" });
  return new Response(null, {
    status: 303,
    headers: { Location: `/api/auth/callback/nodemailer?${callback}`, "Cache-Control": "no-store" },
  });
}
