import type { VolunteerRecord } from "@/lib/volunteers/load-volunteer-record";
import { emailStatusWords } from "@/lib/volunteers/words";
import { formatUkDateTime } from "@/lib/text/uk-dates";

const columns = ["Subject", "Template", "Status", "Attempts", "Sent", "Last error"] as const;

/** Every email to the volunteer, newest first; on a phone each row stacks with its headings. */
export function EmailsTable({ emails, erased }: { emails: VolunteerRecord["emails"]; erased: boolean }) {
  if (emails.length === 0) return <p>No emails have been sent to them.</p>;
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
        Emails sent to them, newest first{erased ? " (their content has been erased)" : ""}
      </caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {columns.map((c) => (
            <th key={c} scope="col" className="nhsuk-table__header" role="columnheader">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {emails.map((e) => {
          const cells = [
            e.subject,
            e.template,
            emailStatusWords[e.status] ?? e.status,
            String(e.attempts),
            e.sentAt ? formatUkDateTime(e.sentAt) : "Not sent",
            e.lastError ?? "None",
          ];
          return (
            <tr key={e.id} className="nhsuk-table__row" role="row">
              {cells.map((value, i) => (
                <td key={columns[i]} className="nhsuk-table__cell" role="cell">
                  <span className="nhsuk-table__heading" aria-hidden="true">
                    {columns[i]}{" "}
                  </span>
                  <span className="app-break-word">{value}</span>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
