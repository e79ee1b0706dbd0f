import type { Metadata } from "next";
import { SERVICE_NAME, STUDY_CONTACT } from "@/lib/site";

export const metadata: Metadata = {
  title: "Accessibility statement",
  description: `Accessibility statement for the ${SERVICE_NAME} website.`,
};

const STATEMENT_DATE_ISO = "2026-11-26";
const STATEMENT_DATE = "26 November 2026";

export default function AccessibilityStatementPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Accessibility statement for {SERVICE_NAME}</h1>
        <p>
          This accessibility statement applies to the {SERVICE_NAME} website, run by Imperial College London with THET.
          It covers the information about the studies, the form to register your interest, the pages participants use to
          read study information, give consent and withdraw, and the pages the study team uses.
        </p>
        <p>
          We want as many people as possible to be able to use this website. For example, that means you should be able
          to:
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the website using just a keyboard</li>
          <li>navigate the website using speech recognition software</li>
          <li>listen to the website using a screen reader (including recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>
        <p>We have also made the text on the website as simple as possible to understand.</p>
        <p>
          <a href="https://mcmw.abilitynet.org.uk/">AbilityNet has advice on making your device easier to use</a> if you
          have a disability.
        </p>

        <h2 className="nhsuk-heading-m">How accessible this website is</h2>
        <p>
          We designed this website to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. We
          are not aware of any part of it that does not meet this standard. If you find a problem, please tell us.
        </p>

        <h2 className="nhsuk-heading-m">What to do if you cannot access parts of this website</h2>
        <p>
          If you need information on this website in a different format, such as large print, easy read, an audio
          recording or braille, or you cannot use the online form, email {STUDY_CONTACT.name} at{" "}
          <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
            {STUDY_CONTACT.email}
          </a>
          . We can register your interest for you, and send you the participant information sheet and consent form in
          another format.
        </p>
        <p>We will consider your request and get back to you within 10 working days.</p>

        <h2 className="nhsuk-heading-m">Reporting accessibility problems with this website</h2>
        <p>
          We are always looking to improve the accessibility of this website. If you find any problems not listed on
          this page, or think we are not meeting accessibility requirements, email {STUDY_CONTACT.name} at{" "}
          <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
            {STUDY_CONTACT.email}
          </a>
          .
        </p>

        <h2 className="nhsuk-heading-m">Enforcement procedure</h2>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &ldquo;accessibility
          regulations&rdquo;). If you are not happy with how we respond to your complaint,{" "}
          <a href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>
        <p>
          If you are in Northern Ireland and are not happy with how we respond to your complaint, you can contact the{" "}
          <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland (ECNI)</a>, which is
          responsible for enforcing the accessibility regulations in Northern Ireland.
        </p>

        <h2 className="nhsuk-heading-m">Technical information about this website&rsquo;s accessibility</h2>
        <p>
          Imperial College London is committed to making its websites accessible, in accordance with the Public Sector
          Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>

        <h3 className="nhsuk-heading-s">Compliance status</h3>
        <p>
          This website is fully compliant with the{" "}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard.
        </p>

        <h3 className="nhsuk-heading-s">Non-accessible content</h3>
        <p>We are not aware of any content on this website that does not meet the WCAG 2.2 AA standard.</p>

        <h2 className="nhsuk-heading-m">What we are doing to improve accessibility</h2>
        <p>
          We run automated accessibility checks on every page whenever we change the website, and we check new pages and
          features with a keyboard and a screen reader before we publish them.
        </p>

        <h2 className="nhsuk-heading-m">Preparation of this accessibility statement</h2>
        <p>
          This statement was prepared on <time dateTime={STATEMENT_DATE_ISO}>{STATEMENT_DATE}</time>. It was last
          reviewed on <time dateTime={STATEMENT_DATE_ISO}>{STATEMENT_DATE}</time>.
        </p>
        <p>
          This website was last tested on <time dateTime={STATEMENT_DATE_ISO}>{STATEMENT_DATE}</time> against the WCAG
          2.2 AA standard. The test was carried out by the study team&rsquo;s developers. We tested:
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>every page with automated checks using the axe accessibility testing engine</li>
          <li>every page and form using only a keyboard</li>
          <li>the main journeys with a screen reader</li>
        </ul>
      </div>
    </div>
  );
}
