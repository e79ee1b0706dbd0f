import Link from "next/link";
import { Icon } from "@/components/nhs";

/** "Newer" and "Older" links between the pages of a list read by keyset (nhsuk-frontend pagination). */
export function PreviousNext({ newer, older, what }: { newer: string | null; older: string | null; what: string }) {
  if (!newer && !older) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={`Pages of ${what}`}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {newer ? (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={newer} rel="prev">
              <span className="nhsuk-pagination__title">Newer</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{what}</span>
              <Icon name="arrow-left" />
            </Link>
          </li>
        ) : null}
        {older ? (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" href={older} rel="next">
              <span className="nhsuk-pagination__title">Older</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{what}</span>
              <Icon name="arrow-right" />
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
