import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MultiSelect, type MultiSelectGroup, type MultiSelectOption } from './MultiSelect';

const teams: MultiSelectOption[] = ['Payments', 'Search', 'Identity', 'Storage', 'Edge', 'Mobile', 'Data', 'Billing'].map((name, i) => ({
  value: String(i + 1),
  label: name,
}));

/** The multi-select with its selection kept in state, as the URL keeps it on a page; every change is recorded. */
function Harness({
  options,
  initial = [],
  searchFrom,
}: {
  options: MultiSelectOption[] | MultiSelectGroup[];
  initial?: string[];
  searchFrom?: number;
}) {
  const [selected, setSelected] = useState<string[]>(initial);
  return (
    <>
      <MultiSelect
        label="Teams"
        options={options}
        selected={selected}
        searchFrom={searchFrom}
        onChange={(next) => {
          changes.push(next);
          setSelected(next);
        }}
      />
      <button type="button">Elsewhere</button>
    </>
  );
}
let changes: string[][] = [];
beforeEach(() => {
  changes = [];
});

describe('MultiSelect', () => {
  it('opens from the keyboard, ticks several values with Space and says how many are picked', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams} />);
    const button = screen.getByRole('button', { name: 'Teams' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('group', { name: 'Teams' })).not.toBeInTheDocument();

    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('group', { name: 'Teams' });
    expect(button).toHaveAttribute('aria-controls', list.id);
    expect(within(list).getAllByRole('checkbox')).toHaveLength(8);

    await user.tab(); // the search box
    expect(within(list).getByRole('searchbox', { name: 'Search teams' })).toHaveFocus();
    await user.tab();
    expect(within(list).getByRole('checkbox', { name: 'Payments' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    expect(changes).toEqual([['1'], ['1', '2']]);
    expect(screen.getByRole('button', { name: 'Teams (2)' })).toBeInTheDocument();
    expect(within(list).getByRole('checkbox', { name: 'Search' })).toBeChecked();

    // Unticking one keeps the other.
    await user.keyboard(' ');
    expect(changes.at(-1)).toEqual(['1']);
  });

  it('narrows a long list with the search box and says when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams} />);
    await user.click(screen.getByRole('button', { name: 'Teams' }));
    const list = screen.getByRole('group', { name: 'Teams' });
    await user.type(within(list).getByRole('searchbox'), 'ing');
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.textContent),
    ).toEqual(['Billing']);
    await user.click(within(list).getByRole('checkbox', { name: 'Billing' }));
    expect(changes).toEqual([['8']]);
    await user.clear(within(list).getByRole('searchbox'));
    await user.type(within(list).getByRole('searchbox'), 'zzz');
    expect(within(list).queryAllByRole('checkbox')).toHaveLength(0);
    expect(list).toHaveTextContent('No teams match “zzz”.');
  });

  it('has no search box for a short list', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams.slice(0, 4)} />);
    await user.click(screen.getByRole('button', { name: 'Teams' }));
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('clears its own selection', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams} initial={['2', '5']} />);
    await user.click(screen.getByRole('button', { name: 'Teams (2)' }));
    await user.click(screen.getByRole('button', { name: 'Clear teams' }));
    expect(changes).toEqual([[]]);
    expect(screen.getByRole('button', { name: 'Teams' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear teams' })).toBeDisabled();
  });

  it('closes on Escape and gives the focus back to its button; Escape in a filled search box empties it first', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams} />);
    const button = screen.getByRole('button', { name: 'Teams' });
    await user.click(button);
    await user.type(screen.getByRole('searchbox'), 'pay');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(screen.getAllByRole('checkbox')).toHaveLength(8);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Teams' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when the pointer or the focus goes elsewhere, keeping the selection', async () => {
    const user = userEvent.setup();
    render(<Harness options={teams} />);
    await user.click(screen.getByRole('button', { name: 'Teams' }));
    await user.click(screen.getByRole('checkbox', { name: 'Edge' }));
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('group', { name: 'Teams' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Teams (1)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Teams (1)' }));
    screen.getByRole('button', { name: 'Done' }).focus();
    await user.tab(); // out of the list, onto the next control
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(screen.queryByRole('group', { name: 'Teams' })).not.toBeInTheDocument();
  });

  it('shows grouped choices under their headings; a search on a heading keeps its whole group', async () => {
    const user = userEvent.setup();
    const groups: MultiSelectGroup[] = [
      {
        label: 'Infrastructure',
        options: [
          { value: '10', label: 'Infrastructure (whole category)' },
          { value: '11', label: 'Disk full' },
        ],
      },
      {
        label: 'Change',
        options: [
          { value: '20', label: 'Change (whole category)' },
          { value: '21', label: 'Bad deploy' },
          { value: '22', label: 'Config push' },
        ],
      },
    ];
    render(<Harness options={groups} searchFrom={5} />);
    await user.click(screen.getByRole('button', { name: 'Teams' }));
    const change = screen.getByRole('group', { name: 'Change' });
    expect(
      within(change)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.textContent),
    ).toEqual(['Change (whole category)', 'Bad deploy', 'Config push']);
    await user.click(within(change).getByRole('checkbox', { name: 'Bad deploy' }));
    await user.click(within(screen.getByRole('group', { name: 'Infrastructure' })).getByRole('checkbox', { name: /whole category/ }));
    expect(changes.at(-1)).toEqual(['21', '10']);

    await user.type(screen.getByRole('searchbox'), 'infra');
    expect(screen.queryByRole('group', { name: 'Change' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Infrastructure' })).getAllByRole('checkbox')).toHaveLength(2);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'push');
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(['Config push']);
  });

  it('counts two ticks made before the page renders the first', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<MultiSelect label="Severities" options={teams.slice(0, 4)} selected={[]} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Severities' }));
    await user.click(screen.getByRole('checkbox', { name: 'Payments' }));
    await user.click(screen.getByRole('checkbox', { name: 'Identity' }));
    expect(onChange.mock.calls).toEqual([[['1']], [['1', '3']]]);
    // Both stay ticked while the page has not caught up yet.
    expect(screen.getByRole('checkbox', { name: 'Payments' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Identity' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Severities (2)' })).toBeInTheDocument();
  });
});
