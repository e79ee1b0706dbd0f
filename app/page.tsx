import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ButtonLink } from "@/components/nhs/Button";
import { InsetText } from "@/components/nhs/InsetText";
import { SERVICE_NAME, STUDY_CONTACT } from "@/lib/site";
import { StudySummary } from "@/components/studies/StudySummary";
import { listPublicStudies } from "@/lib/studies/list-public-studies";

// The layout's title template applies to child segments only, so this page spells out the suffix.
export const metadata: Metadata = {
  title: { absolute: `Take part in research about bi-directional learning – ${SERVICE_NAME}` },
};

function ContactLink() {
  return (
    <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
      {STUDY_CONTACT.email}
    </a>
  );
}

export default async function HomePage() {
  // Rendered per request: the studies come from the database, which a build does not have.
  await connection();
  const studies = await listPublicStudies();
  const recruiting = studies.some((study) => study.status === "RECRUITING");

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">THET and Imperial College London: call for evidence</span>
        <h1 className="nhsuk-heading-l">Take part in research about bi-directional learning</h1>

        <p className="nhsuk-lede-text">
          Have you taken part in a THET-funded international health partnership or volunteering activity? If you work in
          the NHS, we would like to hear about your experiences.
        </p>

        <h2 className="nhsuk-heading-m">About the research</h2>
        <p>
          THET and Imperial College London are working together on research about bi-directional learning and
          innovation: the learning that flows both ways when NHS staff work with health partners in other countries, and
          the ideas they bring back to the NHS.
        </p>
        <p>
          We aim to capture evidence about THET-funded international health partnerships&rsquo; experiences of
          bi-directional learning, so that it can be better supported. We believe this will strengthen the delivery of
          high-quality healthcare to the UK population, through the NHS.
        </p>

        {recruiting ? (
          <ButtonLink href="/register" start prefetch={false}>
            Register your interest
          </ButtonLink>
        ) : null}

        <h2 className="nhsuk-heading-m">The studies</h2>
        {studies.length === 0 ? (
          <InsetText>
            <p>No studies are recruiting at the moment.</p>
            <p>
              If you would like to hear about future studies, contact {STUDY_CONTACT.name} at <ContactLink />.
            </p>
          </InsetText>
        ) : (
          <>
            {recruiting ? (
              <p>
                You can take part in either study or both, depending on your eligibility. When you register, you tell us
                which studies you are interested in and we tell you which ones you can take part in.
              </p>
            ) : (
              <InsetText>
                <p>No studies are recruiting at the moment.</p>
              </InsetText>
            )}
            {studies.map((study) => (
              <StudySummary key={study.slug} study={study} headingLevel={3} />
            ))}
          </>
        )}

        <h2 className="nhsuk-heading-m">Taking part is voluntary</h2>
        <p>
          Whether or not you take part is entirely your decision. If you decide to take part, you are free to withdraw
          at any time, without giving a reason.
        </p>

        {recruiting ? (
          <>
            <h2 className="nhsuk-heading-m">What happens after you register</h2>
            <ol className="nhsuk-list nhsuk-list--number">
              <li>We tell you straight away which studies you can take part in, and why.</li>
              <li>We send you an email to confirm that we have your details.</li>
              <li>If you are invited to take part, we send you a participant information sheet to read.</li>
              <li>Before you take part, you read and sign a consent form online.</li>
              <li>A member of the study team contacts you to arrange your interview or workshop.</li>
            </ol>
          </>
        ) : null}

        <h2 className="nhsuk-heading-m">How we use your information</h2>
        <p>
          We use the details you give us to check which studies you can take part in and to contact you about them. Read
          our <Link href="/privacy">privacy notice</Link> to find out how we use and protect your information.
        </p>

        {recruiting ? (
          <>
            <h2 className="nhsuk-heading-m">Register your interest</h2>
            <p>Registering does not commit you to taking part.</p>
            <ButtonLink href="/register" start prefetch={false}>
              Register your interest
            </ButtonLink>
          </>
        ) : null}

        <h2 className="nhsuk-heading-m">Contact us</h2>
        <p>
          If you would like to take part, or need more information, contact {STUDY_CONTACT.name} at <ContactLink />.
        </p>
      </div>
    </div>
  );
}
