import type { Metadata } from "next";
import Link from "next/link";
import { recentActivity } from "@/lib/recruitment/recent-activity";
import { recruitmentFunnels } from "@/lib/recruitment/recruitment-overview";
import { describeAuditAction } from "@/lib/audit/action-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Overview" };

const stages = [
  ["registered", "Registered"],
  ["eligible", "Eligible"],
  ["invited", "Invited"],
  ["consented", "Consented"],
  ["scheduled", "Scheduled"],
  ["completed", "Completed"],
  ["withdrawn", "Withdrawn"],
  ["declined", "Declined"],
  ["waitlisted", "Waiting list"],
] as const;

export default async function OverviewPage() {
  const researcher = await requireResearcher();
  const db = getDb();
  const [funnels, activity] = await Promise.all([recruitmentFunnels(db, researcher), recentActivity(db, researcher)]);
  return (
    <>
      <h1 className="nhsuk-heading-l">Recruitment overview</h1>
      {funnels.map((f) => (
        <section key={f.studyId} aria-labelledby={`funnel-${f.slug}`} className="nhsuk-u-margin-bottom-6">
          <h2 className="nhsuk-heading-m" id={`funnel-${f.slug}`}>
            {f.title}
          </h2>
          {f.targetMax ? (
            <>
              <p id={`target-${f.slug}`}>
                <strong>{f.activeConsented}</strong> taking part, target{" "}
                {f.targetMin === f.targetMax || f.targetMin === null ? f.targetMax : `${f.targetMin} to ${f.targetMax}`}
              </p>
              <progress
                className="app-progress"
                max={f.targetMax}
                value={Math.min(f.activeConsented, f.targetMax)}
                aria-labelledby={`target-${f.slug}`}
              />
            </>
          ) : null}
          <table className="nhsuk-table app-funnel">
            <caption className="nhsuk-u-visually-hidden">Recruitment funnel: {f.title}</caption>
            <thead className="nhsuk-table__head">
              <tr>
                {stages.map(([, label]) => (
                  <th key={label} scope="col" className="nhsuk-table__header">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              <tr>
                {stages.map(([key]) => (
                  <td key={key} className="nhsuk-table__cell">
                    <Link href={`/admin/volunteers?study=${f.slug}&stage=${key}`} prefetch={false}>
                      {f[key]}
                    </Link>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      ))}
      <h2 className="nhsuk-heading-m">Recent activity</h2>
      {activity.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {activity.map((a) => (
            <li key={a.id}>
              {formatUkDateTime(a.occurredAt)}: {describeAuditAction(a.action)}
              {a.volunteerId ? (
                <>
                  {" "}
                  (
                  <Link href={`/admin/volunteers/${a.volunteerId}`} prefetch={false}>
                    view volunteer
                  </Link>
                  )
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
