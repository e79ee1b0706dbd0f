import { Button, Details, SummaryList, Tag } from "@/components/nhs";
import type { VolunteerConsentRecord } from "@/lib/volunteers/load-volunteer-record";
import type { ConsentEvidenceReport } from "@/lib/consent/verify-stored-consent-record";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";

const checks: { key: keyof ConsentEvidenceReport; name: string; passed: string; failed: string }[] = [
  {
    key: "recordIntact",
    name: "The record itself",
    passed: "Its content still gives the fingerprint (SHA-256) stored when it was signed: it has not changed since.",
    failed: "Its content no longer gives the fingerprint stored when it was signed: it has been changed since signing.",
  },
  {
    key: "signingAudited",
    name: "The signing event",
    passed: "The audit trail holds the event of its signing, naming the same fingerprint.",
    failed: "No signing event in the audit trail names this fingerprint.",
  },
  {
    key: "auditChainIntact",
    name: "The audit trail",
    passed: "Every event in the audit trail still chains to the one before it.",
    failed: "The audit trail's chain is broken: an event was changed, removed or inserted. The audit log shows where.",
  },
];

function answerOf(statement: { required: boolean; agreed: boolean }): string {
  if (statement.required) return statement.agreed ? "Agreed" : "Not agreed";
  return statement.agreed ? "Yes" : "No";
}

/**
 * A signed consent record as stored: each statement's exact text and answer, the versions, the typed
 * name, the time and the hash; with its PDF and a check of it as evidence.
 */
export function ConsentRecordView({
  volunteerId,
  record,
  verification,
}: {
  volunteerId: string;
  record: VolunteerConsentRecord;
  /** The result of "Verify", when it was asked for this record; null when the record is not theirs. */
  verification?: ConsentEvidenceReport | null;
}) {
  const base = `/admin/volunteers/${volunteerId}`;
  const anchor = `record-${record.id}`;
  return (
    <div id={anchor}>
      <Details
        summary={`Signed consent form, version ${record.consentFormVersion}, signed ${formatUkDateTime(record.signedAt)}`}
        open={verification !== undefined}
      >
        <SummaryList
          rows={[
            {
              key: "Consent form",
              value: `${record.consentFormTitle}, version ${record.consentFormVersion}, dated ${formatUkDate(record.consentFormVersionDate)}`,
            },
            {
              key: "Information sheet",
              value: `Version ${record.informationSheetVersion}, dated ${formatUkDate(record.informationSheetVersionDate)}`,
            },
            ...(record.ethicsReference ? [{ key: "Ethics reference", value: record.ethicsReference }] : []),
            ...record.statements.map((s) => ({
              key: `Statement ${s.position}`,
              value: (
                <>
                  <p className="nhsuk-u-margin-bottom-2">{s.text}</p>
                  <strong>{answerOf(s)}</strong>
                  {s.required ? "" : " (optional)"}
                </>
              ),
            })),
            { key: "Signed (typed name)", value: record.signedName },
            { key: "Date and time", value: `${formatUkDateTime(record.signedAt)} (UK time)` },
            { key: "Record ID", value: <code className="app-break-word">{record.id}</code> },
            { key: "SHA-256 of the record", value: <code className="app-break-word">{record.contentHash}</code> },
            ...(record.countersignature
              ? [
                  {
                    key: "Countersigned",
                    value: `${record.countersignature.signedName}, ${formatUkDateTime(record.countersignature.signedAt)}`,
                  },
                ]
              : []),
          ]}
        />
        <p>
          <a href={`${base}/consent-records/${record.id}`} download>
            Download the signed form (PDF)
            <span className="nhsuk-u-visually-hidden">, version {record.consentFormVersion}</span>
          </a>
        </p>
        {verification ? (
          <>
            <h5 className="nhsuk-heading-xs">
              {Object.values(verification).every(Boolean)
                ? "This record verifies as evidence"
                : "This record does not verify"}
            </h5>
            <SummaryList
              rows={checks.map((c) => ({
                key: c.name,
                value: (
                  <>
                    <Tag colour={verification[c.key] ? "green" : "red"}>
                      {verification[c.key] ? "Passed" : "Failed"}
                    </Tag>
                    <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                      {verification[c.key] ? c.passed : c.failed}
                    </p>
                  </>
                ),
              }))}
            />
          </>
        ) : null}
        <form method="get" action={`${base}#${anchor}`}>
          <input type="hidden" name="verify" value={record.id} />
          <Button variant="secondary" small>
            {verification ? "Verify again" : "Verify this record"}
            <span className="nhsuk-u-visually-hidden"> (version {record.consentFormVersion})</span>
          </Button>
        </form>
      </Details>
    </div>
  );
}
