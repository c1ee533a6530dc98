import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { IncidentField, IncidentMergeView } from '../transforms/incidentMerge';
import type { MergeChoice } from '../transforms/mergeEdits';
import { IncidentMergePanel } from './IncidentMergePanel';

const view: IncidentMergeView = {
  conflicts: [
    { field: 'title', label: 'Title', original: 'Checkout errors', theirs: 'Checkout outage', mine: 'Checkout errors in EU' },
    { field: 'severity', label: 'Severity', original: 'SEV3', theirs: 'SEV1', mine: 'SEV2' },
  ],
  theirs: [{ field: 'teamId', label: 'Owning team', original: 'Commerce', theirs: 'Payments', mine: 'Commerce' }],
  mine: [{ field: 'summary', label: 'Summary', original: '(empty)', theirs: '(empty)', mine: 'Card payments failed.' }],
};

function Harness({ onSave, onReload }: { onSave: () => void; onReload: () => void }) {
  const [choices, setChoices] = useState<Partial<Record<IncidentField, MergeChoice>>>({});
  return (
    <IncidentMergePanel
      view={view}
      choices={choices}
      latest={{ version: 9, updatedAt: '2026-03-02T09:00:00Z' }}
      saving={false}
      reloading={false}
      onChoose={(f, c) => setChoices((x) => ({ ...x, [f]: c }))}
      onSave={onSave}
      onReload={onReload}
    />
  );
}

describe('IncidentMergePanel', () => {
  it('says what happened, lists who changed what and takes focus', () => {
    render(<Harness onSave={() => {}} onReload={() => {}} />);
    const panel = screen.getByRole('region', { name: /Someone else changed this incident/ });
    expect(panel).toHaveFocus();
    expect(panel).toHaveTextContent('You both changed these 2 fields');
    expect(within(panel).getByRole('row', { name: /Title/ })).toHaveTextContent('was: Checkout errors');
    expect(panel).toHaveTextContent('Only they changed (kept as they saved it)Owning team: Commerce → Payments');
    expect(panel).toHaveTextContent('Only you changed (kept, saved with the merge)Summary: (empty) → Card payments failed.');
  });

  it('saves only once every field both changed has a choice', async () => {
    const onSave = vi.fn();
    render(<Harness onSave={onSave} onReload={() => {}} />);
    const save = screen.getByRole('button', { name: 'Save merged version' });
    expect(save).toBeDisabled();
    expect(screen.getByText(/Choose theirs or yours for each of the 2 fields/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Take theirs for Title' }));
    expect(screen.getByRole('radio', { name: 'Take theirs for Title' }).closest('td')).toHaveClass('chosen');
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'Keep yours for Severity' }));
    expect(save).toBeEnabled();
    await userEvent.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('keeps the reload option, which discards the edits', async () => {
    const onReload = vi.fn();
    render(<Harness onSave={() => {}} onReload={onReload} />);
    expect(screen.getByText(/Reloading discards your edits/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload incident' }));
    expect(onReload).toHaveBeenCalled();
  });
});
