import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/admin/ActionButton";
import { ConsentFormDetailsForm } from "@/components/admin/ConsentFormDetailsForm";
import { StatementForm } from "@/components/admin/StatementForm";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink, ButtonLink, InsetText, SummaryList, Tag, WarningCallout } from "@/components/nhs";
import { findConsentFormForAdmin } from "@/lib/studies/consent-form-drafts";
import { isoDayOf } from "@/lib/studies/document-forms";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { moveStatementAction, removeStatementAction, saveConsentFormAction, saveStatementAction } from "../../actions";

export const metadata: Metadata = { title: "Consent form" };

type Props = {
  params: Promise<{ slug: string; formId: string }>;
  searchParams: Promise<{ done?: string; remove?: string }>;
};

const confirmations: Record<string, string> = {
  drafted: "The draft has been saved. Now write its statements",
  saved: "The form's details have been saved",
  "statement-added": "The statement has been added",
  "statement-saved": "The statement has been saved",
  "statement-moved": "The statement has been moved",
  "statement-removed": "The statement has been removed",
};

/**
 * One version of a study's consent form: its statements in order. For a draft, admins can change its
 * details, write, reorder and remove statements, and go on to publish it.
 */
export default async function ConsentFormPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug, formId } = await params;
  const { done, remove } = await searchParams;
  if (!z.uuid().safeParse(formId).success) notFound();
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const form = await findConsentFormForAdmin(db, researcher, { studyId: study.id, formId });
  if (!form) notFound();
  const editable = form.publishedAt === null && researcher.role === "ADMIN";
  const base = `/admin/studies/${study.slug}`;
  const here = `${base}/consent-forms/${form.id}`;
  const removing = editable ? form.statements.find((s) => s.id === remove) : undefined;
  const sheets = study.informationSheets
    .filter((s) => s.publishedAt)
    .map((s) => ({
      id: s.id,
      label: `Version ${s.version}, ${formatUkDate(s.versionDate)}${s.id === study.currentSheetId ? " (current)" : ""}`,
    }));

  return (
    <>
      <BackLink href={`${base}#consent-forms`}>Back to the study</BackLink>
      {done && confirmations[done] ? <SuccessBanner heading={confirmations[done]} /> : null}
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Consent form, version {form.version}</h1>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: form.publishedAt ? (
              <>
                {form.id === study.currentFormId ? (
                  <Tag colour="green">Current</Tag>
                ) : (
                  <Tag colour="grey">Replaced</Tag>
                )}{" "}
                Published at {formatUkDateTime(form.publishedAt)}
              </>
            ) : (
              <Tag colour="yellow">Draft</Tag>
            ),
          },
          { key: "Version date", value: formatUkDate(form.versionDate) },
          { key: "Title", value: form.title },
          {
            key: "Information sheet",
            value: (
              <Link href={`${base}/information-sheets/${form.informationSheet.id}`}>
                Version {form.informationSheet.version}, {formatUkDate(form.informationSheet.versionDate)}
              </Link>
            ),
          },
          {
            key: "Signed",
            value: `${form._count.consentRecords} ${form._count.consentRecords === 1 ? "person" : "people"}`,
          },
        ]}
      />
      {form.publishedAt ? (
        <InsetText>
          <p>A published consent form cannot be changed: people have signed it. To change it, draft a new version.</p>
        </InsetText>
      ) : null}

      {editable ? (
        <>
          <h2 className="nhsuk-heading-m">Publish</h2>
          <p>
            Publishing makes this the form people sign, and asks everyone who signed an earlier version to sign this
            one. After that it cannot be changed.
          </p>
          <ButtonLink href={`${here}/publish`}>Publish version {form.version}</ButtonLink>
          <ConsentFormDetailsForm
            action={saveConsentFormAction.bind(null, study.slug, form.id)}
            initial={{
              version: form.version,
              versionDate: isoDayOf(form.versionDate),
              title: form.title,
              informationSheetId: form.informationSheet.id,
            }}
            sheets={sheets}
            submitLabel="Save the details"
            disclosure="Change the form's version, date, title or information sheet"
          />
        </>
      ) : null}

      <h2 className="nhsuk-heading-m" id="statements">
        Statements
      </h2>
      {removing ? (
        <div id="remove-confirm">
          <WarningCallout heading={`Remove statement ${removing.position}?`} headingLevel={3}>
            <p>“{removing.text}”</p>
            <p>The statements after it move up one place.</p>
          </WarningCallout>
          <ActionButton
            action={removeStatementAction.bind(null, study.slug, form.id, removing.id)}
            label={`Yes, remove statement ${removing.position}`}
            variant="warning"
            pendingLabel="Removing…"
          />
          <p>
            <Link href={`${here}#statements`}>No, keep it</Link>
          </p>
        </div>
      ) : null}
      {form.statements.length === 0 ? <p>There are no statements yet.</p> : null}
      <ol className="app-statement-list">
        {form.statements.map((s, index) => (
          <li key={s.id} className="app-statement">
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={`statement-${s.position}`}>
              Statement {s.position}{" "}
              {s.required ? <Tag colour="blue">Required</Tag> : <Tag colour="white">Optional</Tag>}
            </h3>
            <p className="nhsuk-u-margin-bottom-2">{s.text}</p>
            <p className="nhsuk-body-s">
              Key: <code>{s.key}</code>
            </p>
            {editable ? (
              <>
                <div className="app-statement__actions">
                  {index > 0 ? (
                    <ActionButton
                      action={moveStatementAction.bind(null, study.slug, form.id, s.id, "up")}
                      label={`Move statement ${s.position} up`}
                      variant="secondary"
                      small
                    />
                  ) : null}
                  {index < form.statements.length - 1 ? (
                    <ActionButton
                      action={moveStatementAction.bind(null, study.slug, form.id, s.id, "down")}
                      label={`Move statement ${s.position} down`}
                      variant="secondary"
                      small
                    />
                  ) : null}
                  <Link href={`${here}?remove=${s.id}#remove-confirm`} className="app-statement__remove">
                    Remove statement {s.position}
                  </Link>
                </div>
                <StatementForm
                  action={saveStatementAction.bind(null, study.slug, form.id, s.id)}
                  prefix={`statement-${s.position}`}
                  initial={{ text: s.text, required: s.required ? "yes" : "no", key: s.key }}
                  submitLabel={`Save statement ${s.position}`}
                  disclosure={`Change statement ${s.position}`}
                />
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <section aria-labelledby="add-statement">
          <h2 className="nhsuk-heading-m" id="add-statement">
            Add a statement
          </h2>
          <p>It goes at the end; move it up afterwards if it belongs earlier.</p>
          <StatementForm
            action={saveStatementAction.bind(null, study.slug, form.id, null)}
            prefix="new-statement"
            initial={{ text: "", required: "", key: "" }}
            submitLabel="Add the statement"
          />
        </section>
      ) : null}
    </>
  );
}
