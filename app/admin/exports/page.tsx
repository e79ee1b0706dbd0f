import type { Metadata } from "next";
import { InsetText } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";

export const metadata: Metadata = { title: "Exports" };

/** The two CSV downloads. Plain links: the files are made by route handlers that check the session too. */
export default async function ExportsPage() {
  await requireResearcher();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Exports</h1>
        <p>
          Each file is a spreadsheet (CSV) of everything stored when you download it. Downloads are recorded in the
          audit log.
        </p>
        <InsetText>
          <p>
            These files hold personal data. Keep them on Imperial College systems, share them only with the study team
            and delete them when you no longer need them.
          </p>
        </InsetText>

        <h2 className="nhsuk-heading-m">Consent register</h2>
        <p>
          One row for each signed consent form: who signed, for which study, the versions of the consent form and
          information sheet they signed, their answer to each optional statement, their typed name, when they signed,
          and the record&apos;s id and hash (to check it against the stored record).
        </p>
        <p>
          <a className="nhsuk-link" href="/admin/exports/consent-register.csv" download>
            Download the consent register (CSV)
          </a>
        </p>

        <h2 className="nhsuk-heading-m">Volunteer list</h2>
        <p>
          One row for each person who has registered: their contact and work details, when they registered, and their
          status and eligibility in each study.
        </p>
        <p>
          <a className="nhsuk-link" href="/admin/exports/volunteers.csv" download>
            Download the volunteer list (CSV)
          </a>
        </p>

        <p className="nhsuk-body-s">
          Cells that a spreadsheet would read as a formula (starting with =, +, - or @) begin with an apostrophe, so
          that nothing in the data can run on your computer.
        </p>
      </div>
    </div>
  );
}
