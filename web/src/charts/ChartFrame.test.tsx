import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartFrame } from './ChartFrame';
import { MttrTrendChart } from './MttrTrendChart';
import { SMALL_SAMPLE_SIZE } from './smallSample';

describe('ChartFrame', () => {
  it('shows a loading state', () => {
    render(
      <ChartFrame title="MTTR" definition="mean" loading sampleSize={null}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByText('chart')).not.toBeInTheDocument();
  });

  it('shows an error with a retry button', async () => {
    const onRetry = vi.fn();
    render(
      <ChartFrame title="MTTR" definition="mean" error="boom" onRetry={onRetry}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('renders the data table once its disclosure is opened', async () => {
    render(
      <ChartFrame title="MTTR" definition="mean" sampleSize={12} dataTable={<table aria-label="MTTR data" />}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.queryByRole('table', { name: 'MTTR data' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Data table'));
    expect(screen.getByRole('table', { name: 'MTTR data' })).toBeVisible();
  });

  it('shows the empty message', () => {
    render(
      <ChartFrame title="MTTR" definition="mean" empty emptyMessage="Nothing here">
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });

  it('states definition and sample size, flagging small samples', () => {
    render(
      <ChartFrame title="MTTR" definition="Mean time to resolve" sampleSize={3}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText('chart')).toBeInTheDocument();
    expect(screen.getByText(/n = 3 incidents/)).toBeInTheDocument();
    expect(screen.getByText(/small sample/)).toBeInTheDocument();
    expect(screen.getByText('Mean time to resolve')).toBeInTheDocument();
    expect(screen.getByLabelText('Definition: Mean time to resolve')).toHaveAttribute('title', 'Mean time to resolve');
  });

  it('flags a bare count by the shared rule that mirrors the API (under SMALL_SAMPLE_SIZE), never an empty chart', () => {
    const { rerender } = render(
      <ChartFrame title="MTTR" definition="mean" sampleSize={SMALL_SAMPLE_SIZE - 1}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText(/small sample/)).toBeInTheDocument();
    rerender(
      <ChartFrame title="MTTR" definition="mean" sampleSize={SMALL_SAMPLE_SIZE}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText(`n = ${SMALL_SAMPLE_SIZE} incidents`)).toBeInTheDocument();
    expect(screen.queryByText(/small sample/)).not.toBeInTheDocument();
    rerender(
      <ChartFrame title="MTTR" definition="mean" sampleSize={0}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText('n = 0 incidents')).toBeInTheDocument();
    expect(screen.queryByText(/small sample/)).not.toBeInTheDocument();
  });

  it("follows the API's flag when given, over the count", () => {
    const { rerender } = render(
      <ChartFrame title="MTTR" definition="mean" sampleSize={40} smallSample>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText(/small sample/)).toBeInTheDocument();
    rerender(
      <ChartFrame title="MTTR" definition="mean" sampleSize={3} smallSample={false}>
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByText(/n = 3 incidents/)).toBeInTheDocument();
    expect(screen.queryByText(/small sample/)).not.toBeInTheDocument();
  });

  it('draws a recharts line chart', () => {
    const { container } = render(
      <div style={{ width: 600 }}>
        <MttrTrendChart
          data={[
            {
              periodStart: '2026-01-01T00:00:00Z',
              label: 'Jan 2026',
              meanMinutes: 60,
              medianMinutes: 40,
              p90Minutes: 120,
              count: 4,
              smallSample: true,
            },
            {
              periodStart: '2026-02-01T00:00:00Z',
              label: 'Feb 2026',
              meanMinutes: 90,
              medianMinutes: 50,
              p90Minutes: 150,
              count: 6,
              smallSample: false,
            },
          ]}
          periodLabel="Month"
        />
      </div>,
    );
    expect(container.querySelector('.recharts-wrapper')).not.toBeNull();
  });
});
