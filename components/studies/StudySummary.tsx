import { Card } from "@/components/nhs/Card";
import { Heading } from "@/components/nhs/Heading";
import { SummaryList, type SummaryListRow } from "@/components/nhs/SummaryList";
import { Tag } from "@/components/nhs/Tag";
import { STUDY_CONTACT } from "@/lib/site";
import type { PublicStudy } from "@/lib/studies/public-study";

export type StudySummaryProps = {
  study: PublicStudy;
  /** Level of the study title; its sub-headings are one level below. Default 3. */
  headingLevel?: 2 | 3 | 4;
};

/** "Paragraphs separated by a blank line" → an array of paragraphs. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
}

function peopleNeeded(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? `${min} people` : `${min} to ${max} people`;
  if (min !== null) return `At least ${min} people`;
  if (max !== null) return `Up to ${max} people`;
  return null;
}

function ethicsApproval(committee: string | null, reference: string | null): string | null {
  if (committee && reference) return `${committee}, reference number ${reference}`;
  if (committee) return committee;
  if (reference) return `Reference number ${reference}`;
  return null;
}

function StatusTag({ status }: { status: PublicStudy["status"] }) {
  switch (status) {
    case "RECRUITING":
      return <Tag colour="green">Recruiting</Tag>;
    case "CLOSED":
      return <Tag colour="grey">Not recruiting</Tag>;
    case "DRAFT":
      return <Tag colour="grey">Not yet recruiting</Tag>;
  }
}

/** One study on the landing page: what it is, who can take part, what it involves. */
export function StudySummary({ study, headingLevel = 3 }: StudySummaryProps) {
  const subLevel = (headingLevel + 1) as 3 | 4 | 5;
  const titleId = `study-${study.slug}`;
  const people = peopleNeeded(study.targetMin, study.targetMax);
  const ethics = ethicsApproval(study.ethicsCommittee, study.ethicsReference);
  const otherContact = study.contactEmail.toLowerCase() !== STUDY_CONTACT.email.toLowerCase();

  const facts: SummaryListRow[] = [{ key: "Status", value: <StatusTag status={study.status} /> }];
  if (people) facts.push({ key: "People needed", value: people });
  if (ethics) facts.push({ key: "Ethical approval", value: ethics });

  return (
    <Card variant="feature" heading={study.title} headingLevel={headingLevel} headingSize="m" headingId={titleId}>
      <p>{study.summary}</p>
      <SummaryList rows={facts} noBorder />

      {study.whoCanTakePart.length > 0 ? (
        <>
          <Heading level={subLevel} className="nhsuk-heading-s">
            Who can take part
          </Heading>
          <p>{study.whoCanTakePart.length === 1 ? "This must apply to you:" : "All of these must apply to you:"}</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {study.whoCanTakePart.map((criterion) => (
              <li key={criterion}>{criterion}</li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={subLevel} className="nhsuk-heading-s">
        What taking part involves
      </Heading>
      {paragraphs(study.whatTakingPartInvolves).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}

      {otherContact ? (
        <p>
          If you have questions about this study, contact {study.contactName} at{" "}
          <a className="app-break-word" href={`mailto:${study.contactEmail}`}>
            {study.contactEmail}
          </a>
          .
        </p>
      ) : null}
    </Card>
  );
}
