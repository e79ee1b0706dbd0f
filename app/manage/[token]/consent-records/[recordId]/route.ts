import { getDb } from "@/lib/db/client";
import { consentRecordPdfForVolunteer } from "@/lib/participation/consent-record-pdf-for-volunteer";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

type Context = { params: Promise<{ token: string; recordId: string }> };

/** Downloads the person's own signed consent form. Reading it changes nothing. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { token, recordId } = await params;
  const pdf = await consentRecordPdfForVolunteer(getDb(), { token, recordId });
  if (!pdf) {
    await countUnknownLinkFromThisClient();
    return new Response("This link does not work.", {
      status: 404,
      headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    });
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="signed-consent-form.pdf"',
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
