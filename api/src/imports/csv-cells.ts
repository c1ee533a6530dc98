/**
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return is written with a single quote in front, which
 * spreadsheets show as text. So that the quote can be taken off again exactly, a cell that starts
 * with a quote followed by one of those characters, or by a second quote, gets one more quote too.
 * Every CSV Hindsight writes from user text goes through `neutralizeCell`; the CSV import applies
 * `restoreCell` to every cell, so an export re-imports unchanged (docs/import-formats.md).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTED = /^'[=+\-@\t\r']/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) || QUOTED.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell` (and only it): a quote in front of a formula character or a quote is dropped. */
export function restoreCell(value: string): string {
  return QUOTED.test(value) ? value.slice(1) : value;
}
