import { toOwnerSummary } from './toOwnerSummary';

const item = (status: string, overdue: boolean, owner: string | null, team: string) => ({
  status,
  overdue,
  owner: owner ? { id: owner, email: `${owner}@example.com` } : null,
  incident: { team: { id: team, name: team.toUpperCase() } },
});

describe('toOwnerSummary', () => {
  const items = [
    item('OPEN', true, 'ann', 'core'),
    item('IN_PROGRESS', false, 'ann', 'core'),
    item('OPEN', true, null, 'edge'),
    item('OPEN', true, null, 'edge'),
    item('DONE', false, 'bob', 'core'),
  ];
  it('counts open and overdue items per owner, most overdue first', () => {
    expect(toOwnerSummary(items, 'owner')).toEqual([
      { key: '—', label: 'Unassigned', open: 2, overdue: 2 },
      { key: 'ann', label: 'ann@example.com', open: 2, overdue: 1 },
    ]);
  });
  it('counts per team', () => {
    expect(toOwnerSummary(items, 'team').map((r) => [r.label, r.open, r.overdue])).toEqual([
      ['EDGE', 2, 2],
      ['CORE', 2, 1],
    ]);
  });
});
