import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { emptyFormValues, type IncidentFormValues } from '../transforms/incidentForm';
import { IncidentDetailsForm } from './IncidentDetailsForm';

const services = [
  { id: 's1', name: 'Playback API', team: { id: 't1' } },
  { id: 's2', name: 'Search', team: { id: 't1' } },
];
const teams = [{ id: 't1', name: 'Streaming' }];

function Harness({ errors = {}, onSubmit }: { errors?: Record<string, string>; onSubmit: (v: IncidentFormValues) => void }) {
  const [values, setValues] = useState(emptyFormValues('t1'));
  return (
    <IncidentDetailsForm
      values={values}
      errors={errors}
      services={services}
      teams={teams}
      submitLabel="Create"
      onChange={setValues}
      onSubmit={onSubmit}
    />
  );
}

describe('IncidentDetailsForm', () => {
  it('submits what the user entered', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Title'), 'CDN outage');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'SEV1');
    await userEvent.click(screen.getByLabelText('Search'));
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'CDN outage', severity: 'SEV1', serviceIds: ['s2'], teamId: 't1' }),
    );
  });

  it('shows server field errors next to their fields', () => {
    render(
      <Harness
        onSubmit={() => {}}
        errors={{
          detectedAt: 'Detected cannot be before impact started.',
          startedAt: 'Detected cannot be before impact started.',
          _form: 'Check the fields.',
        }}
      />,
    );
    const detected = screen.getByLabelText('Detected');
    expect(detected).toHaveAttribute('aria-invalid', 'true');
    const describedBy = detected.getAttribute('aria-describedby') ?? '';
    const ids = describedBy.split(' ');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toContain('Detected cannot be before impact started.');
    expect(screen.getByLabelText('Impact started')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Check the fields.');
  });

  it('is read-only for viewers', () => {
    render(
      <IncidentDetailsForm
        values={emptyFormValues('t1')}
        errors={{}}
        services={services}
        teams={teams}
        readOnly
        submitLabel="Save"
        onChange={() => {}}
        onSubmit={() => {}}
      />,
    );
    expect(screen.getByLabelText('Title')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('marks fields edited here that a source provides, and resets one to the source', async () => {
    const onResetField = vi.fn();
    function Editing() {
      const [values, setValues] = useState({ ...emptyFormValues('t1'), title: 'Checkout down', startedAt: '2026-12-01T10:00:00' });
      const [opened] = useState(values);
      return (
        <IncidentDetailsForm
          values={values}
          errors={{}}
          services={services}
          teams={teams}
          submitLabel="Save"
          dirty={values !== opened}
          overridden={{ startedAt: 'startedAt', serviceIds: 'services' }}
          onResetField={onResetField}
          onChange={setValues}
          onSubmit={() => {}}
          onCancel={() => setValues(opened)}
        />
      );
    }
    render(<Editing />);
    expect(screen.getAllByText(/^edited here/)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Title: reset to source' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Impact started: reset to source' }));
    expect(onResetField).toHaveBeenCalledWith('startedAt');
    await userEvent.type(screen.getByLabelText('Title'), '!');
    expect(screen.getByRole('button', { name: 'Affected services: reset to source' })).toBeDisabled();
  });

  it('shows "edited here" without a reset button to readers', () => {
    render(
      <IncidentDetailsForm
        values={emptyFormValues('t1')}
        errors={{}}
        services={services}
        teams={teams}
        readOnly
        submitLabel="Save"
        overridden={{ title: 'title' }}
        onResetField={() => {}}
        onChange={() => {}}
        onSubmit={() => {}}
      />,
    );
    expect(screen.getByText('edited here')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /reset to source/ })).not.toBeInTheDocument();
  });
});
