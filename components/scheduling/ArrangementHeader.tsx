import Link from "next/link";
import type { SummaryListRow } from "@/components/nhs";
import type { ParticipationStatus } from "@/lib/generated/prisma/client";
import { statusForResearchers } from "@/lib/participation/status-words";

/** Links between a person's studies of one kind, when they are in more than one; the current one in bold. */
export function StudyChoice({
  label,
  studies,
  current,
}: {
  label: string;
  studies: { slug: string; shortTitle: string }[];
  current: string | undefined;
}) {
  if (studies.length <= 1) return null;
  return (
    <nav aria-label={label}>
      <ul className="nhsuk-list">
        {studies.map((s) => (
          <li key={s.slug}>
            {s.slug === current ? (
              <strong>{s.shortTitle}</strong>
            ) : (
              <Link href={`?study=${s.slug}`}>{s.shortTitle}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The first rows of an interview or workshop page: which study, where they stand, and their consent. */
export function participationRows(p: {
  study: { title: string };
  status: ParticipationStatus;
  signedCurrentConsent: boolean;
}): SummaryListRow[] {
  return [
    { key: "Study", value: p.study.title },
    { key: "Status", value: statusForResearchers[p.status].label },
    {
      key: "Consent",
      value: p.signedCurrentConsent ? "Signed the current consent form" : "Has not signed the current consent form",
    },
  ];
}
