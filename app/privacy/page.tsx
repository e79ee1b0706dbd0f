import type { Metadata } from "next";
import { SummaryList } from "@/components/nhs/SummaryList";
import { WarningCallout } from "@/components/nhs/WarningCallout";
import { STUDY_CONTACT } from "@/lib/site";
import { PRIVACY_NOTICE_DATE, PRIVACY_NOTICE_VERSION, formatNoticeDate } from "@/lib/registration/privacy-notice";

export const metadata: Metadata = {
  title: "Privacy notice",
  description:
    "How Imperial College London uses your personal information when you register your interest in, or take part in, the bi-directional learning research.",
};

const DPO_EMAIL = "dpo@imperial.ac.uk";

function Email({ address }: { address: string }) {
  return (
    <a className="app-break-word" href={`mailto:${address}`}>
      {address}
    </a>
  );
}

export default function PrivacyNoticePage() {
  const date = formatNoticeDate(PRIVACY_NOTICE_DATE);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Privacy notice</h1>
        <p className="nhsuk-lede-text">
          This notice explains how we use your personal information when you register your interest in, or take part in,
          the bi-directional learning research run by Imperial College London with THET.
        </p>

        <SummaryList
          rows={[
            { key: "Version", value: PRIVACY_NOTICE_VERSION },
            { key: "Date", value: <time dateTime={PRIVACY_NOTICE_DATE}>{date}</time> },
          ]}
        />

        <WarningCallout heading="This notice is a draft" headingLevel={2}>
          <p>
            This notice is a draft for the study team and Imperial College London&rsquo;s Data Protection Office to
            confirm before the website is used to recruit participants. Points still to be confirmed are marked
            &ldquo;To be confirmed&rdquo;.
          </p>
        </WarningCallout>

        <h2 className="nhsuk-heading-m">Who we are</h2>
        <p>
          Imperial College London is the sponsor of this research and the data controller for the personal information
          collected through this website. This means Imperial College London decides how and why your information is
          used, and is responsible for looking after it.
        </p>
        <p>
          THET is collaborating with Imperial College London on the research. We do not share information that
          identifies you with THET unless you agree to it. (To be confirmed: whether THET will receive any personal
          information, for example to run the workshops, and its role under data protection law.)
        </p>

        <h2 className="nhsuk-heading-m">What information we collect</h2>
        <p>When you register your interest, we ask for:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>your name</li>
          <li>your email address</li>
          <li>your phone number, if you choose to give it</li>
          <li>your NHS employer</li>
          <li>your role or staff group</li>
          <li>
            whether you are taking part, or have taken part, in a THET-funded international health partnership or other
            international volunteering, and whether you have had the opportunity to introduce learning from your
            placement into the NHS
          </li>
          <li>which studies you are interested in, and your preferences for workshops</li>
        </ul>
        <p>We also record when you registered and which version of this privacy notice you were shown.</p>
        <p>If you go on to take part in a study, we will also hold:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>your consent form, including your answer to each statement, the name you typed and when you signed</li>
          <li>the arrangements for your interview or workshop</li>
          <li>
            what you say in your interview or workshop, as described in the participant information sheet for that study
          </li>
          <li>a record of any withdrawal or data protection request you make</li>
        </ul>
        <p>
          To keep the website secure and protect it from misuse, our servers may briefly process technical information,
          such as your IP address. This website does not use advertising or analytics cookies.
        </p>

        <h2 className="nhsuk-heading-m">Why we use your information</h2>
        <p>We use your information to:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>check whether you are eligible for each study you are interested in</li>
          <li>
            contact you about the studies, for example to send you information or arrange an interview or workshop
          </li>
          <li>record your consent to take part</li>
          <li>carry out the research</li>
          <li>keep a record of withdrawals and data protection requests, so that we respect them</li>
        </ul>
        <p>We will not use your information for anything else, and we will not send you marketing.</p>
        <p>
          When you register, the website compares your answers with each study&rsquo;s criteria and tells you straight
          away whether you are eligible. This does not have legal or similarly significant effects on you. If you think
          the result is wrong, contact us and a member of the study team will look at it.
        </p>

        <h2 className="nhsuk-heading-m">Our lawful basis for using your information</h2>
        <p>
          Under the UK General Data Protection Regulation (UK GDPR), our lawful basis for using your personal
          information is that it is necessary for a task carried out in the public interest (Article 6(1)(e)). Research
          is part of Imperial College London&rsquo;s public task as a university.
        </p>
        <p>
          We do not ask for special category information, such as information about your health, ethnicity or religious
          beliefs, and we do not expect to collect it. If you tell us something of this kind, for example in an
          interview, we will use it only for the research, under Article 9(2)(j) of the UK GDPR and Schedule 1, Part 1,
          paragraph 4 of the Data Protection Act 2018.
        </p>
        <p>
          We protect your information with the safeguards for research required by Article 89 of the UK GDPR and section
          19 of the Data Protection Act 2018. We collect only what the research needs, we replace your name with a code
          in research data, and we do not use research data to make decisions about you.
        </p>
        <p>
          We also ask for your consent to take part in the research. This is for ethical reasons and is part of the
          study&rsquo;s ethics approval. It is not our lawful basis for using your personal information under data
          protection law.
        </p>

        <h2 className="nhsuk-heading-m">Who can see your information</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>the Imperial College London study team</li>
          <li>authorised people from Imperial College London who check that research is carried out properly</li>
          <li>
            companies that host this website and send its emails for us, under contract and only on our instructions (to
            be confirmed: the names of these companies)
          </li>
          <li>Microsoft, which provides Microsoft Teams, if you take part in an online interview</li>
        </ul>
        <p>Reports and publications about the research will not identify you. We will never sell your information.</p>

        <h2 className="nhsuk-heading-m">Where your information is stored</h2>
        <p>
          Your information is stored securely on servers in the UK. We do not transfer it outside the UK. (To be
          confirmed: the hosting location.)
        </p>
        <p>
          Information is encrypted when it is sent over the internet. Only the study team can sign in to see it, and we
          keep a record of changes to it. Links in our emails contain a random code, not your personal details.
        </p>

        <h2 className="nhsuk-heading-m">How long we keep your information</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            If you register but do not take part in a study, we delete your registration details no later than 12 months
            after recruitment to that study closes.
          </li>
          <li>
            If you take part, we keep your consent form and research data for as long as the ethics approval and
            Imperial College London&rsquo;s research records policy require. (To be confirmed: the period.)
          </li>
          <li>
            If you withdraw, we keep a record of your withdrawal so that we do not contact you again about the study.
          </li>
        </ul>

        <h2 className="nhsuk-heading-m">Your rights</h2>
        <p>You have the right to:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>get a copy of the information we hold about you (right of access)</li>
          <li>ask us to correct information that is wrong (right to rectification)</li>
          <li>ask us to delete your information (right to erasure)</li>
          <li>ask us to limit how we use your information (right to restriction)</li>
          <li>object to us using your information (right to object)</li>
        </ul>
        <p>
          Data protection law allows some of these rights to be limited when information is used for research, if using
          them would prevent the research or seriously harm it, and the research safeguards are in place (Article 89 of
          the UK GDPR and Schedule 2, Part 6, paragraph 27 of the Data Protection Act 2018). For example, once your
          interview has been anonymised and included in the analysis, it may no longer be possible to remove it. If we
          cannot do what you ask, we will tell you why.
        </p>
        <p>
          To use any of these rights, contact the study team or the Data Protection Officer (see below). We will reply
          within one month.
        </p>

        <h2 className="nhsuk-heading-m">Withdrawing from a study</h2>
        <p>
          You can withdraw at any time, without giving a reason, using the link in our emails or by contacting the study
          team. When you withdraw:
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>we stop contacting you about the study and cancel anything that is planned, such as an interview</li>
          <li>
            you choose whether we keep the information you have already given, or remove it where this is still possible
          </li>
          <li>we keep your consent form and a record of your withdrawal, as the law and the ethics approval require</li>
        </ul>

        <h2 className="nhsuk-heading-m">Contact us</h2>
        <p>
          For questions about the research or your information, contact {STUDY_CONTACT.name} at{" "}
          <Email address={STUDY_CONTACT.email} />.
        </p>
        <p>
          You can also contact Imperial College London&rsquo;s Data Protection Officer at <Email address={DPO_EMAIL} />,
          or write to: Data Protection Officer, Imperial College London, South Kensington Campus, London SW7 2AZ.
        </p>

        <h2 className="nhsuk-heading-m">Complaints</h2>
        <p>
          If you are unhappy with how we have used your information, please contact the Data Protection Officer first.
        </p>
        <p>
          You also have the right to complain to the Information Commissioner&rsquo;s Office (ICO), the UK&rsquo;s data
          protection regulator. You can{" "}
          <a href="https://ico.org.uk/make-a-complaint/">make a complaint on the ICO website</a> or call the ICO
          helpline on 0303 123 1113.
        </p>

        <h2 className="nhsuk-heading-m">Changes to this notice</h2>
        <p>
          If we change this notice, we will publish the new version on this page with a new version number and date. If
          the changes affect you, we will tell you.
        </p>
        <p>
          This is version {PRIVACY_NOTICE_VERSION} of the notice, dated {date}.
        </p>
      </div>
    </div>
  );
}
