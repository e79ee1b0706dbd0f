import Link from "next/link";
import { ORGANISATIONS, STUDY_CONTACT } from "@/lib/site";

export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" href="/privacy">
                Privacy notice
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" href="/accessibility">
                Accessibility statement
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href={`mailto:${STUDY_CONTACT.email}`}>
                Contact
              </a>
            </li>
          </ul>
          <p className="nhsuk-body-s">{ORGANISATIONS}</p>
        </div>
      </div>
    </footer>
  );
}
