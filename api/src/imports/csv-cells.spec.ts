import { neutralizeCell, restoreCell } from './csv-cells';

describe('CSV formula cells', () => {
  it('quotes cells a spreadsheet would run, and only those', () => {
    expect(['=1+2', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutralizeCell)).toEqual([
      "'=1+2",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['plain', "it's", "'quoted", 'a=b', '', ' =x'].map(neutralizeCell)).toEqual(['plain', "it's", "'quoted", 'a=b', '', ' =x']);
    expect(["'=x", "''x"].map(neutralizeCell)).toEqual(["''=x", "'''x"]);
  });

  it('is undone exactly by restoreCell', () => {
    for (const v of ['=1', '+1', '-2', '@A', '\tx', '\rx', "'=x", "''x", "'''=", "'q", 'plain', "'", "''", '', '=']) {
      expect(restoreCell(neutralizeCell(v))).toBe(v);
    }
  });
});
