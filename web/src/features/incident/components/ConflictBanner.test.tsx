import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConflictBanner } from './ConflictBanner';

describe('ConflictBanner', () => {
  it('tells the user someone else changed the incident and offers to reload', async () => {
    const onReload = vi.fn();
    render(<ConflictBanner reloading={false} onReload={onReload} onDismiss={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Someone else changed this incident');
    expect(screen.getByRole('alert')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Reload incident' }));
    expect(onReload).toHaveBeenCalled();
  });
});
