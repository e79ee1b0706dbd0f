import { csvDownloadHeaders } from "@/lib/exports/csv-stream";
import { exportConsentRegister } from "@/lib/exports/export-consent-register";
import { researcherForRoute } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** The consent register as a CSV download, streamed; any signed-in researcher, audited. */
export async function GET(): Promise<Response> {
  const actor = await researcherForRoute();
  if (actor instanceof Response) return actor;
  const { filename, stream } = await exportConsentRegister(getDb(), actor);
  return new Response(stream, { headers: csvDownloadHeaders(filename) });
}
