import { ErrorMessage, FormGroup, Hint } from "@/components/nhs";
import { cx, describedBy } from "@/components/nhs/utils";

export type DateInputProps = {
  /** The day field's id is `${id}-day` (link the error summary to it); hint `${id}-hint`, error `${id}-error`. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  values: { day: string; month: string; year: string };
  /** Posted as `${namePrefix}Day`, `${namePrefix}Month`, `${namePrefix}Year` when a form has two dates. */
  namePrefix?: string;
};

/**
 * The NHS date input: day, month and year as three small text boxes in a fieldset, posted as `day`,
 * `month` and `year`. Works without JavaScript and with any keyboard; no date picker to fight.
 */
export function DateInput({ id, legend, hint, error, values, namePrefix }: DateInputProps) {
  const parts = [
    { name: "day", label: "Day", width: 2 },
    { name: "month", label: "Month", width: 2 },
    { name: "year", label: "Year", width: 4 },
  ] as const;
  return (
    <FormGroup error={Boolean(error)}>
      <fieldset
        className="nhsuk-fieldset"
        role="group"
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="nhsuk-date-input" id={id}>
          {parts.map((p) => (
            <div className="nhsuk-date-input__item" key={p.name}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${p.name}`}>
                  {p.label}
                </label>
                <input
                  className={cx(
                    "nhsuk-input",
                    "nhsuk-date-input__input",
                    `nhsuk-input--width-${p.width}`,
                    error && "nhsuk-input--error",
                  )}
                  id={`${id}-${p.name}`}
                  name={namePrefix ? `${namePrefix}${p.label}` : p.name}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={values[p.name]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}
