import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportButton } from './ExportButton';

describe('ExportButton', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('downloads the filtered list from the CSV export', async () => {
    fetchMock.mockResolvedValue(
      new Response('title,service\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="incidents.csv"' } }),
    );
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<ExportButton filter={{ severities: ['SEV1'], from: '2026-10-01T00:00:00.000Z' }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(fetchMock.mock.calls[0][0]).toBe('/api/export/incidents.csv?severities=SEV1&from=2026-10-01T00%3A00%3A00.000Z');
    await vi.waitFor(() => expect(clicked).toEqual(['incidents.csv']));
    click.mockRestore();
  });

  it('says so when the server refuses', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 403 }));
    render(<ExportButton filter={{}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have permission to export incidents.');
  });

  it('exports a list filtered by source with that filter', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 403 }));
    render(<ExportButton filter={{ sourceIds: ['4'] }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(String(fetchMock.mock.calls[0][0])).toContain('sourceIds=4');
  });
});
