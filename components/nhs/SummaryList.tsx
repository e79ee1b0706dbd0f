import type { ReactNode } from "react";
import { SmartLink } from "./SmartLink";
import { cx } from "./utils";

export type SummaryListAction = {
  href: string;
  /** e.g. "Change". */
  text: string;
  /** Completes the link text for screen readers, e.g. "name" → "Change name". */
  visuallyHiddenText: string;
};

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
};

export type SummaryListProps = {
  rows: SummaryListRow[];
  noBorder?: boolean;
  id?: string;
  className?: string;
};

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <SmartLink className="nhsuk-link" href={action.href}>
      {action.text}
      <span className="nhsuk-u-visually-hidden"> {action.visuallyHiddenText}</span>
    </SmartLink>
  );
}

/** Key/value list, e.g. for check-your-answers pages. */
export function SummaryList({ rows, noBorder, id, className }: SummaryListProps) {
  const anyActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className={cx("nhsuk-summary-list", noBorder && "nhsuk-summary-list--no-border", className)} id={id}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div
            key={index}
            className={cx(
              "nhsuk-summary-list__row",
              anyActions && actions.length === 0 && "nhsuk-summary-list__row--no-actions",
            )}
          >
            <dt className="nhsuk-summary-list__key">{row.key}</dt>
            <dd className="nhsuk-summary-list__value">{row.value}</dd>
            {actions.length === 1 && actions[0] ? (
              <dd className="nhsuk-summary-list__actions">
                <ActionLink action={actions[0]} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className="nhsuk-summary-list__actions">
                <ul className="nhsuk-summary-list__actions-list">
                  {actions.map((action) => (
                    <li key={`${action.href} ${action.text}`} className="nhsuk-summary-list__actions-list-item">
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
