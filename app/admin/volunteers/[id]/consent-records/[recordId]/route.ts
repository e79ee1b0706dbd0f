import { z } from "zod";
import { consentRecordPdfForResearcher } from "@/lib/volunteers/volunteer-consent-record";
import { researcherForRoute } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ id: string; recordId: string }> };

const idsSchema = z.object({ id: z.uuid(), recordId: z.uuid() });

/** A volunteer's signed consent form as a PDF. The record must be this volunteer's: any other id is a 404. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const actor = await researcherForRoute();
  if (actor instanceof Response) return actor;
  const ids = idsSchema.safeParse(await params);
  const pdf = ids.success
    ? await consentRecordPdfForResearcher(getDb(), actor, { volunteerId: ids.data.id, recordId: ids.data.recordId })
    : null;
  if (!pdf) return new Response("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="consent-record-${ids.data!.recordId}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
