import Link from "next/link";
import { InsetText, SummaryList } from "@/components/nhs";
import { DocumentBody } from "@/components/documents/DocumentBody";
import { parseDocument } from "@/lib/documents/parse-document";
import type { InformationSheetView } from "@/lib/studies/information-sheets";
import { formatUkDate } from "@/lib/text/uk-dates";

/** An information sheet as a page that reads well on screen and prints cleanly. */
export function InformationSheetPage({ view }: { view: InformationSheetView }) {
  const { study, sheet } = view;
  const pdfHref = `/studies/${study.slug}/information-sheet/${encodeURIComponent(sheet.version)}/pdf`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">Participant information sheet</span>
        <h1 className="nhsuk-heading-l">{study.title}</h1>
        {view.isCurrent ? null : (
          <InsetText>
            <p>
              This is an earlier version (version {sheet.version}). The current version is{" "}
              <Link href={`/studies/${study.slug}/information-sheet`}>version {view.currentVersion}</Link>.
            </p>
          </InsetText>
        )}
        <SummaryList
          rows={[
            { key: "Version", value: `${sheet.version}, dated ${formatUkDate(sheet.versionDate)}` },
            ...(study.ethicsReference
              ? [
                  {
                    key: "Ethical approval",
                    value: `${study.ethicsCommittee ?? "Research ethics committee"}, reference ${study.ethicsReference}`,
                  },
                ]
              : []),
            {
              key: "Questions",
              value: <a href={`mailto:${study.contactEmail}`}>{`${study.contactName}, ${study.contactEmail}`}</a>,
            },
          ]}
        />
        <p className="app-no-print">
          <a href={pdfHref} download>
            Download this information sheet as a PDF
          </a>{" "}
          (or print this page)
        </p>
        <DocumentBody blocks={parseDocument(sheet.content)} />
        {view.versions.length > 1 ? (
          <>
            <h2 className="nhsuk-heading-m app-no-print">All versions</h2>
            <ul className="nhsuk-list app-no-print">
              {view.versions.map((v) => (
                <li key={v.version}>
                  <Link href={`/studies/${study.slug}/information-sheet/${encodeURIComponent(v.version)}`}>
                    Version {v.version}, dated {formatUkDate(v.versionDate)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
