import { STUDY_CONTACT } from "@/lib/site";

/**
 * What an unknown, expired, replaced or used link shows: the same words whatever the reason, so a link
 * found by someone else reveals nothing about anyone.
 */
export function InvalidLink() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">This link does not work</h1>
        <p>It may have expired, been replaced by a newer link, or been used already.</p>
        <h2 className="nhsuk-heading-m">What you can do</h2>
        <ul>
          <li>If we have sent you a newer email about the research, use the link in that email.</li>
          <li>
            To see your studies, your signed consent form or to withdraw, use the &ldquo;Manage your
            participation&rdquo; link in our most recent email.
          </li>
          <li>
            For a new link, email {STUDY_CONTACT.name} at{" "}
            <a href={`mailto:${STUDY_CONTACT.email}`}>{STUDY_CONTACT.email}</a>.
          </li>
        </ul>
      </div>
    </div>
  );
}
