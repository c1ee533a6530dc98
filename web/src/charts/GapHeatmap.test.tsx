import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GapHeatmap, type GapCell, type GapMatrix } from './GapHeatmap';

const cell = (over: Partial<GapCell>): GapCell => ({
  serviceId: 'db',
  serviceName: 'Database',
  mechanismId: 'replica',
  mechanismName: 'Replica',
  gapCount: 4,
  missingCount: 3,
  failedCount: 1,
  downtimeMinutes: 90,
  covered: false,
  ...over,
});

const matrix: GapMatrix = {
  services: [{ id: 'db', name: 'Database', total: 6 }],
  mechanisms: [
    { id: 'replica', name: 'Replica', total: 4 },
    { id: 'az', name: 'Multi-AZ', total: 2 },
  ],
  rows: [[cell({}), cell({ mechanismId: 'az', mechanismName: 'Multi-AZ', gapCount: 2, missingCount: 0, failedCount: 2, covered: true })]],
  maxCount: 4,
  uncoveredCount: 1,
  missingCount: 3,
  failedCount: 3,
};

describe('GapHeatmap', () => {
  it('says in each cell how many gaps were missing and how many failed, and names both kinds in the legend', () => {
    render(<GapHeatmap matrix={matrix} />);
    const [replica, az] = screen.getAllByRole('cell');
    expect(replica).toHaveTextContent('3 missing1 failed!');
    expect(az).toHaveTextContent(/^2 failed$/);
    const kinds = screen.getByRole('list', { name: 'Kinds of gap' });
    expect(within(kinds).getByText('MISSING').parentElement).toHaveTextContent('the service did not have the mechanism');
    expect(within(kinds).getByText('FAILED').parentElement).toHaveTextContent('it existed and did not work');
  });

  it('opens the cell it was clicked on; its label spells out the split and the coverage', async () => {
    const onSelectCell = vi.fn();
    render(<GapHeatmap matrix={matrix} onSelectCell={onSelectCell} />);
    const button = screen.getByRole('button', { name: /Database, Replica/ });
    expect(button).toHaveAccessibleName(
      'Database, Replica: 4 gaps (3 missing, 1 failed), downtime 1 h 30 min, not covered by any open action item',
    );
    await userEvent.click(button);
    expect(onSelectCell).toHaveBeenCalledWith(expect.objectContaining({ serviceId: 'db', mechanismId: 'replica' }));
  });
});
