/**
 * Spreadsheet formula injection (CSV injection): a cell that begins with = + - or @ (or a tab or carriage
 * return, which some spreadsheets skip before looking) is run as a formula when the file is opened, so a
 * volunteer named =HYPERLINK("http://evil.example", "Click") could act on the researcher's computer.
 * Such a cell gets a leading apostrophe: spreadsheets then show it as the text it is. The full-width forms
 * of the same characters are treated alike, as some spreadsheets fold them. Pure.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function neutraliseRow(row: readonly (string | number | boolean | null | undefined)[]): string[] {
  return row.map(neutraliseCell);
}
