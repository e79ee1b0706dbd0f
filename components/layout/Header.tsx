import Link from "next/link";
import { SERVICE_NAME } from "@/lib/site";
import { StudyBanner } from "./StudyBanner";

/**
 * Header in the nhsuk-frontend v10 style with the service name only: no NHS logo, because this is
 * a THET and Imperial College London research study, not an NHS organisation's service.
 */
export function Header() {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" href="/">
            {SERVICE_NAME}
          </Link>
        </div>
      </div>
      <StudyBanner />
    </header>
  );
}
