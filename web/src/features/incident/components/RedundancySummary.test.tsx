import { render, screen, within } from '@testing-library/react';
import { RedundancySummary } from './RedundancySummary';

const mechanism = (id: string, name: string) => ({ id, name, description: null });

describe('RedundancySummary', () => {
  it('lists each assessed mechanism with its outcome and notes, gaps marked, then what was not assessed — as text, no fields', () => {
    const { container } = render(
      <RedundancySummary
        rows={[
          { mechanism: mechanism('m1', 'Multi-zone'), outcome: 'FAILED', notes: 'Zone b took the same bad config.', declared: true },
          { mechanism: mechanism('m2', 'Rollback / kill switch'), outcome: 'WORKED', notes: '', declared: false },
          { mechanism: mechanism('m3', 'Multi-region'), outcome: null, notes: '', declared: true },
          { mechanism: mechanism('m4', 'Multi-CDN'), outcome: null, notes: '', declared: false },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Multi-zone');
    expect(within(items[0]).getByText('Failed')).toBeInTheDocument();
    expect(within(items[0]).getByText('redundancy gap')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Zone b took the same bad config.');
    expect(within(items[1]).getByText('Worked')).toBeInTheDocument();
    expect(within(items[1]).queryByText('redundancy gap')).toBeNull();
    expect(screen.getByText('Not assessed: Multi-region (declared), Multi-CDN.')).toBeInTheDocument();
    expect(container.querySelectorAll('input, select, textarea, button')).toHaveLength(0);
  });

  it('says when nothing was assessed', () => {
    render(<RedundancySummary rows={[{ mechanism: mechanism('m1', 'Multi-zone'), outcome: null, notes: '', declared: false }]} />);
    expect(screen.getByText('No mechanism has been assessed yet.')).toBeInTheDocument();
  });
});
