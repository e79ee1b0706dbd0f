import { parseDocument } from "@/lib/documents/parse-document";
import { renderInformationSheetPdf } from "@/lib/pdf/information-sheet-pdf";
import { findInformationSheet } from "@/lib/studies/information-sheets";

type Context = { params: Promise<{ slug: string; version: string }> };

/** The information sheet as a PDF, to keep or print. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug, version } = await params;
  const view = await findInformationSheet(slug, decodeURIComponent(version));
  if (!view) return new Response("Not found", { status: 404 });
  const pdf = await renderInformationSheetPdf({
    studyTitle: view.study.title,
    sheetTitle: view.sheet.title,
    version: view.sheet.version,
    versionDate: view.sheet.versionDate,
    ethicsCommittee: view.study.ethicsCommittee,
    ethicsReference: view.study.ethicsReference,
    blocks: parseDocument(view.sheet.content),
    contactName: view.study.contactName,
    contactEmail: view.study.contactEmail,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="information-sheet-${slug}-v${view.sheet.version.replace(/[^\w.-]/g, "")}.pdf"`,
    },
  });
}
