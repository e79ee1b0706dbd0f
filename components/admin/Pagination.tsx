import Link from "next/link";
import { Icon } from "@/components/nhs";

export type PaginationProps = {
  page: number;
  pageCount: number;
  /** The address of another page of the same list. */
  hrefFor: (page: number) => string;
  label?: string;
};

/** Previous and next links (nhsuk-pagination), each saying which page it leads to. */
export function Pagination({ page, pageCount, hrefFor, label = "Pages of the list" }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={label}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              href={hrefFor(page - 1)}
              rel="prev"
              prefetch={false}
            >
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pageCount}
              </span>
              <Icon name="arrow-left" />
            </Link>
          </li>
        ) : null}
        {page < pageCount ? (
          <li className="nhsuk-pagination-item--next">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              href={hrefFor(page + 1)}
              rel="next"
              prefetch={false}
            >
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pageCount}
              </span>
              <Icon name="arrow-right" />
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
