import { csvDownloadHeaders } from "@/lib/exports/csv-stream";
import { exportVolunteers } from "@/lib/exports/export-volunteers";
import { researcherForRoute } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** The volunteer list as a CSV download, streamed; any signed-in researcher, audited. */
export async function GET(): Promise<Response> {
  const actor = await researcherForRoute();
  if (actor instanceof Response) return actor;
  const { filename, stream } = await exportVolunteers(getDb(), actor);
  return new Response(stream, { headers: csvDownloadHeaders(filename) });
}
