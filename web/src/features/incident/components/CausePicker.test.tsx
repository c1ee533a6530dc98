import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CausePicker } from './CausePicker';

const causes = [
  { id: 'cat-net', name: 'Network', parent: null },
  { id: 'dns', name: 'DNS', parent: { id: 'cat-net', name: 'Network' } },
  { id: 'cat-chg', name: 'Change', parent: null },
  { id: 'deploy', name: 'Deployment', parent: { id: 'cat-chg', name: 'Change' } },
];

describe('CausePicker', () => {
  it('filters as you type and picks with the keyboard', async () => {
    const onSelect = vi.fn();
    render(<CausePicker label="Primary cause" causes={causes} onSelect={onSelect} />);
    const input = screen.getByRole('combobox', { name: 'Primary cause' });
    await userEvent.type(input, 'dep');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Deployment · Change']);
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith({ id: 'deploy', name: 'Deployment', category: 'Change' });
  });

  it('moves through options with the arrow keys', async () => {
    const onSelect = vi.fn();
    render(<CausePicker label="Cause" causes={causes} excludeIds={['deploy']} onSelect={onSelect} />);
    await userEvent.click(screen.getByRole('combobox'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'dns' }));
  });
});
