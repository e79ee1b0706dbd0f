import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { RuleWords } from "@/components/admin/RuleWords";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink, ButtonLink, SummaryList, Tag, WarningCallout } from "@/components/nhs";
import { describeEligibilityRules } from "@/lib/studies/describe-eligibility-rules";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { questionsOfStudy } from "@/lib/studies/update-eligibility-rules";
import { reconsentRequestedWhenPublished } from "@/lib/studies/publish-study-consent-form";
import {
  hoursWords,
  interviewCutoffWords,
  invitationModeWords,
  reminderWords,
  retentionWords,
  studyKindWords,
  studyStatusColour,
  studyStatusWords,
  targetWords,
  workshopOfferWords,
} from "@/lib/studies/study-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { formatUkDate } from "@/lib/text/uk-dates";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; form?: string }> };

export const metadata: Metadata = { title: "Study" };

const confirmations: Record<string, string> = {
  settings: "The study's settings have been saved",
  eligibility: "The eligibility rules have been saved. They apply to everyone who registers from now on",
  "information-sheet-published": "The information sheet has been published",
  // Recruitment: open and close
  created:
    "The study has been created as a draft. Add its documents, questions and eligibility rules, then open it for recruitment",
  opened: "The study is open for recruitment",
  closed: "Recruitment has closed. Every record is kept; nobody new can register",
};

export default async function StudyPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug } = await params;
  const { done, form } = await searchParams;
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const isAdmin = researcher.role === "ADMIN";
  const base = `/admin/studies/${study.slug}`;
  const rules = eligibilityRulesSchema.safeParse(study.eligibilityRules);
  const published =
    done === "consent-form-published" ? study.consentForms.find((f) => f.id === form && f.publishedAt) : undefined;
  const reconsent = published
    ? await reconsentRequestedWhenPublished(db, researcher, { studyId: study.id, formId: published.id })
    : null;
  const change = (href: string, what: string) =>
    isAdmin ? [{ href, text: "Change", visuallyHiddenText: what }] : undefined;

  return (
    <>
      <BackLink href="/admin/studies">All studies</BackLink>
      {done && confirmations[done] ? <SuccessBanner heading={confirmations[done]} /> : null}
      {published ? (
        <SuccessBanner heading={`Consent form version ${published.version} has been published`}>
          <p>
            {reconsent === 0
              ? "Nobody had signed an earlier version, so nobody needed to be asked to re-consent."
              : `${reconsent} ${reconsent === 1 ? "person was" : "people were"} asked to re-consent: each has been sent a link to the new version.`}
          </p>
        </SuccessBanner>
      ) : null}
      <span className="nhsuk-caption-l">{studyKindWords[study.kind]}</span>
      <h1 className="nhsuk-heading-l">{study.title}</h1>
      {study.kind === "WORKSHOP" ? (
        <p>
          <Link href={`${base}/sessions`}>Workshop sessions for this study</Link>
        </p>
      ) : (
        <p>
          <Link href={`${base}/slots`}>Interview times for this study</Link>
        </p>
      )}

      {/* Recruitment, questions and preview: app/admin/studies/[slug]/{open,close,questions,preview} */}
      <h2 className="nhsuk-heading-m" id="recruitment">
        Recruitment
      </h2>
      <p>
        <Tag colour={studyStatusColour[study.status]}>{studyStatusWords[study.status]}</Tag>
      </p>
      <ul className="nhsuk-list">
        <li>
          <Link href={`${base}/questions`}>
            Screening questions<span className="nhsuk-u-visually-hidden"> of {study.shortTitle}</span>
          </Link>
        </li>
        <li>
          <Link href={`${base}/preview`}>Preview the study as the public would see it</Link>
        </li>
      </ul>
      {isAdmin && study.status !== "RECRUITING" ? (
        <ButtonLink href={`${base}/open`} variant="secondary">
          Open for recruitment
        </ButtonLink>
      ) : null}
      {isAdmin && study.status === "RECRUITING" ? (
        <ButtonLink href={`${base}/close`} variant="secondary">
          Close recruitment
        </ButtonLink>
      ) : null}

      <h2 className="nhsuk-heading-m">Settings</h2>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: <Tag colour={studyStatusColour[study.status]}>{studyStatusWords[study.status]}</Tag>,
            actions: change(`${base}/settings#status`, "status"),
          },
          {
            key: "Target",
            value: targetWords(study.targetMin, study.targetMax),
            actions: change(`${base}/settings#targetMin`, "target"),
          },
          {
            key: "Invitations",
            value: invitationModeWords[study.invitationMode],
            actions: change(`${base}/settings#invitationMode`, "how people are invited"),
          },
          {
            key: "Consent form",
            value: study.consentRequired ? "Required before taking part" : "Not required",
            actions: change(`${base}/settings#consentRequired`, "whether consent is required"),
          },
          {
            key: "Time to consider",
            value: hoursWords(study.considerationPeriodHours),
            actions: change(`${base}/settings#considerationPeriodHours`, "time to consider"),
          },
          {
            key: "Remind people who have not answered",
            value: reminderWords(study.reminderAfterDays),
            actions: change(`${base}/settings#reminderAfterDays`, "reminders"),
          },
          {
            key: "Keep records of people who do not take part for",
            value: retentionWords(study.retentionDays),
            actions: change(`${base}/settings#retentionDays`, "retention period"),
          },
          study.kind === "INTERVIEW"
            ? {
                key: "People can move or cancel their interview themselves",
                value: interviewCutoffWords(study.interviewBookingCutoffHours),
                actions: change(
                  `${base}/settings#interviewBookingCutoffHours`,
                  "when people can change their interview",
                ),
              }
            : {
                key: "Time to accept an offered workshop place",
                value: workshopOfferWords(study.workshopOfferHours),
                actions: change(`${base}/settings#workshopOfferHours`, "time to accept an offered workshop place"),
              },
          {
            key: "Contact",
            value: (
              <>
                {study.contactName}
                <br />
                <span className="app-break-word">{study.contactEmail}</span>
              </>
            ),
            actions: change(`${base}/settings#contactName`, "contact"),
          },
          {
            key: "Ethical approval",
            value: study.ethicsReference
              ? `${study.ethicsCommittee ?? ""}, reference ${study.ethicsReference}`
              : "None recorded",
          },
        ]}
      />

      <h2 className="nhsuk-heading-m">Who can take part</h2>
      {rules.success ? (
        <RuleWords criteria={describeEligibilityRules(rules.data, await questionsOfStudy(getDb(), study.id))} />
      ) : (
        <WarningCallout heading="The stored rules cannot be read">
          <p>Change them to rules in the right form.</p>
        </WarningCallout>
      )}
      {isAdmin ? (
        <p>
          <Link href={`${base}/eligibility`}>
            Change the eligibility rules<span className="nhsuk-u-visually-hidden"> of {study.shortTitle}</span>
          </Link>
          <br />
          <Link href={`${base}/eligibility/re-evaluate`}>
            Check everyone again against the current rules
            <span className="nhsuk-u-visually-hidden"> of {study.shortTitle}</span>
          </Link>
        </p>
      ) : null}

      <h2 className="nhsuk-heading-m" id="information-sheets">
        Participant information sheets
      </h2>
      <ResponsiveTable
        caption="Versions of the participant information sheet, newest first"
        headings={["Version", "Date", "Title", "Status"]}
      >
        {study.informationSheets.map((s) => (
          <Row key={s.id}>
            <Cell heading="Version">
              <Link href={`${base}/information-sheets/${s.id}`}>
                Version {s.version}
                <span className="nhsuk-u-visually-hidden"> of the information sheet</span>
              </Link>
            </Cell>
            <Cell heading="Date">{formatUkDate(s.versionDate)}</Cell>
            <Cell heading="Title">{s.title}</Cell>
            <Cell heading="Status">
              <DocumentStatus publishedAt={s.publishedAt} current={s.id === study.currentSheetId} />
            </Cell>
          </Row>
        ))}
      </ResponsiveTable>
      {isAdmin ? (
        <ButtonLink href={`${base}/information-sheets/new`} variant="secondary">
          Draft a new information sheet
        </ButtonLink>
      ) : null}

      <h2 className="nhsuk-heading-m" id="consent-forms">
        Consent forms
      </h2>
      <ResponsiveTable
        caption="Versions of the consent form, newest first"
        headings={["Version", "Date", "Information sheet", "Statements", "Signed", "Status"]}
      >
        {study.consentForms.map((f) => (
          <Row key={f.id}>
            <Cell heading="Version">
              <Link href={`${base}/consent-forms/${f.id}`}>
                Version {f.version}
                <span className="nhsuk-u-visually-hidden"> of the consent form</span>
              </Link>
            </Cell>
            <Cell heading="Date">{formatUkDate(f.versionDate)}</Cell>
            <Cell heading="Information sheet">Version {f.informationSheet.version}</Cell>
            <Cell heading="Statements">{f._count.statements}</Cell>
            <Cell heading="Signed">{f._count.consentRecords}</Cell>
            <Cell heading="Status">
              <DocumentStatus publishedAt={f.publishedAt} current={f.id === study.currentFormId} />
            </Cell>
          </Row>
        ))}
      </ResponsiveTable>
      {isAdmin ? (
        <ButtonLink href={`${base}/consent-forms/new`} variant="secondary">
          Draft a new consent form
        </ButtonLink>
      ) : null}
    </>
  );
}

function DocumentStatus({ publishedAt, current }: { publishedAt: Date | null; current: boolean }) {
  if (!publishedAt) return <Tag colour="yellow">Draft</Tag>;
  return (
    <>
      <Tag colour={current ? "green" : "grey"}>{current ? "Current" : "Replaced"}</Tag>{" "}
      <span className="nhsuk-body-s">Published {formatUkDate(publishedAt)}</span>
    </>
  );
}
