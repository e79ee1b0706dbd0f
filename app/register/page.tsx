import type { Metadata } from "next";
import { connection } from "next/server";
import { Button, InsetText } from "@/components/nhs";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { startRegistration } from "./actions";

export const metadata: Metadata = { title: "Register your interest" };

export default async function RegisterStartPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  await connection();
  const { expired } = await searchParams;
  const studies = await listRecruitingStudies();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {expired ? (
          <InsetText>
            <p>
              We could not find your answers. They are kept for 24 hours, and only in the browser you started in. Please
              start again.
            </p>
          </InsetText>
        ) : null}
        <h1 className="nhsuk-heading-l">Register your interest</h1>
        {studies.length === 0 ? (
          <p>No studies are recruiting at the moment, so you cannot register just now.</p>
        ) : (
          <>
            <p>Tell us about your work and your international experience. It takes about 2 minutes.</p>
            <p>We will tell you straight away which studies you can take part in, and email you a copy.</p>
            <p>You will need to know:</p>
            <ul>
              <li>the NHS trust or organisation you work for</li>
              <li>the name and country of any THET-funded partnership you took part in</li>
            </ul>
            <p>Registering does not commit you to taking part. Taking part is voluntary.</p>
            <form action={startRegistration}>
              <Button>Start now</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
