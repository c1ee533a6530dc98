import { actionItemViews, inView, pageOf, toActionItemCounts } from './toActionItemCounts';

const item = (status: string, overdue = false, owner: string | null = null) => ({ status, overdue, owner: owner ? { id: owner } : null });

describe('toActionItemCounts', () => {
  const items = [
    item('OPEN', true, 'ann'),
    item('IN_PROGRESS', false, 'ann'),
    item('OPEN', true),
    item('DONE', false, 'bob'),
    item('DONE'),
    item('WONT_DO', false, 'ann'),
  ];

  it('counts open, overdue, done and won’t do so that they add up to the total', () => {
    const c = toActionItemCounts(items);
    expect(c).toEqual({ total: 6, open: 3, overdue: 2, done: 2, wontDo: 1, excluded: { total: 0, overdue: 0 } });
    expect(c.open + c.done + c.wontDo).toBe(c.total);
  });

  it('gives each view exactly the rows its count says', () => {
    const count = (v: (typeof actionItemViews)[number]['value']) => items.filter((i) => inView(i, v, 'ann')).length;
    const c = toActionItemCounts(items);
    expect(count('open')).toBe(c.open);
    expect(count('overdue')).toBe(c.overdue);
    expect(count('done')).toBe(c.done);
    expect(count('wont_do')).toBe(c.wontDo);
    expect(count('all')).toBe(c.total);
    expect(count('mine')).toBe(2);
    expect(items.filter((i) => inView(i, 'mine', null))).toEqual([]);
  });

  it('counts apart the items of incidents the metrics leave out, so the overview’s lower count is explained', () => {
    const ex = (status: string, overdue: boolean) => ({ ...item(status, overdue), incident: { excludeFromMetrics: true } });
    const c = toActionItemCounts([...items, ex('OPEN', true), ex('DONE', false)]);
    expect(c).toMatchObject({ total: 8, overdue: 3, excluded: { total: 2, overdue: 1 } });
  });

  it('ignores an overdue flag on closed items', () => {
    expect(toActionItemCounts([item('DONE', true)]).overdue).toBe(0);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 53 }, (_, i) => i);
  it('slices pages of the given size', () => {
    expect(pageOf(rows, 0, 25)).toMatchObject({ index: 0, pageCount: 3, rows: rows.slice(0, 25) });
    expect(pageOf(rows, 2, 25).rows).toEqual([50, 51, 52]);
  });
  it('clamps an index past the end or before the start', () => {
    expect(pageOf(rows, 9, 25).index).toBe(2);
    expect(pageOf(rows, -1, 25).index).toBe(0);
    expect(pageOf([], 3, 25)).toEqual({ rows: [], index: 0, pageCount: 1 });
  });
});
