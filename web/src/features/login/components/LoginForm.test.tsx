import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginForm } from './LoginForm';

describe('LoginForm', () => {
  it('submits on Enter in the password field', async () => {
    const onSubmit = vi.fn();
    const { container } = render(<LoginForm submitting={false} error={null} onSubmit={onSubmit} />);
    await userEvent.type(container.querySelector('input[type=email]')!, ' admin@example.com ');
    await userEvent.type(container.querySelector('input[type=password]')!, 'Admin-Pass-2026{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('admin@example.com', 'Admin-Pass-2026');
  });

  it('shows the error', () => {
    render(<LoginForm submitting={false} error="Email or password is not correct." onSubmit={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Email or password is not correct.');
  });
});
