import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { badInput } from '../../common/errors/domain-error';
import { restoreCell } from '../csv-cells';
import { Column, COLUMNS, excerpt, RawRow, REQUIRED_COLUMNS } from '../import-row';

/**
 * Streams the rows of an import CSV (header row first; names case-insensitive, any order,
 * unknown columns ignored). Data rows are numbered from 1; the header is row 0. Memory stays flat:
 * records are parsed as the caller pulls them.
 */
export async function* csvRows(input: Readable): AsyncGenerator<RawRow> {
  let header: string[] | null = null;
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        const missing = REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length) throw badInput(`the CSV header lacks the required column(s) ${missing.join(', ')}`, 'content');
        return header.map((n) => ((COLUMNS as readonly string[]).includes(n) ? n : false));
      },
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<Partial<Record<Column, string>>>) {
      row += 1;
      // the quote an export puts in front of a formula-like cell comes off again (csv-cells.ts). Done here, not
      // in csv-parse's `cast`: with a cast function csv-parse builds a context object (three object spreads) for
      // every cell, the largest part of the API's CPU time in a 100k-row import (docs/performance.md, Import)
      for (const column in record) {
        const value = record[column as Column];
        if (value !== undefined) record[column as Column] = restoreCell(value);
      }
      yield { row, values: record };
    }
  } catch (err) {
    // csv-parse's own errors (codes such as INVALID_OPENING_QUOTE; older versions prefixed CSV_)
    if (err instanceof CsvError) {
      throw badInput(`the CSV could not be read after data row ${row}: ${excerpt(err.message, 200)}`, 'content');
    }
    throw err;
  }
  if (header === null) throw badInput('the CSV is empty (it needs a header row)', 'content');
}
