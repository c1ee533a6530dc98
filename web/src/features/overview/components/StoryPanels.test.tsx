import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { FixNext } from './FixNext';
import { WhatChanged } from './WhatChanged';
import type { FixThatDidNotHold } from '../transforms/toLoopSummary';

describe('WhatChanged', () => {
  it('lists the news with their tone and keeps small samples apart, marked', async () => {
    render(
      <WhatChanged
        hasPrevious
        loading={false}
        error={null}
        onRetry={() => {}}
        changes={{
          news: [
            {
              id: 'ttr',
              text: 'Median time to resolve fell from 3.2 h to 2.1 h (41 vs 38 incidents)',
              tone: 'better',
              direction: 'down',
              magnitude: 0.34,
              smallSample: false,
            },
          ],
          smallSamples: [
            { id: 'severe', text: 'SEV1–2 incidents rose from 1 to 3', tone: 'worse', direction: 'up', magnitude: 2, smallSample: true },
          ],
          steadyCount: 2,
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: 'What changed' });
    const news = within(panel).getAllByRole('list')[0];
    expect(within(news).getByText(/Median time to resolve fell from 3.2 h to 2.1 h/)).toBeInTheDocument();
    expect(within(news).getByText('better')).toBeInTheDocument();
    expect(within(news).queryByText(/SEV1–2/)).toBeNull();
    await userEvent.click(screen.getByText(/1 more over small samples/));
    expect(screen.getByText(/SEV1–2 incidents rose from 1 to 3/)).toBeVisible();
    expect(screen.getByText('small sample')).toBeVisible();
    expect(screen.getByText('2 other numbers moved less than 10 %.')).toBeInTheDocument();
  });

  it('says when there is nothing to compare with', () => {
    render(
      <WhatChanged
        hasPrevious={false}
        loading={false}
        error={null}
        onRetry={() => {}}
        changes={{ news: [], smallSamples: [], steadyCount: 0 }}
      />,
    );
    expect(screen.getByText(/No previous period to compare with/)).toBeInTheDocument();
  });
});

describe('FixNext', () => {
  it('shows a numbered list of links in rank order', () => {
    render(
      <MemoryRouter>
        <FixNext
          loading={false}
          error={null}
          onRetry={() => {}}
          items={[
            {
              id: 'overdue',
              kind: 'overdue',
              title: 'Finish 3 overdue action items',
              detail: 'open past their due date',
              downtimeMinutes: null,
              href: '/action-items?view=overdue',
            },
            {
              id: 'cause:dns',
              kind: 'cause',
              title: 'DNS',
              detail: '4 incidents · 10 h downtime',
              downtimeMinutes: 600,
              href: '/incidents?cause=dns&counted=1',
            },
          ]}
        />
      </MemoryRouter>,
    );
    const links = within(screen.getByRole('region', { name: 'What to fix next' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Finish 3 overdue action items', '/action-items?view=overdue'],
      ['DNS', '/incidents?cause=dns&counted=1'],
    ]);
  });

  it('lists fixes that did not hold, three at first and the rest behind "more" (asked for when opened), each linked to its incidents', async () => {
    const fix = (n: number) => ({
      id: `a${n}`,
      title: `Fix ${n}`,
      source: { key: `INC-${n}`, href: `/incidents/${n}` },
      detail: 'Disk full · Search',
      incidents: [
        { id: `${n}1`, key: `INC-${n}1`, title: 'again', href: `/incidents/${n}1` },
        { id: `${n}2`, key: `INC-${n}2`, title: 'once more', href: `/incidents/${n}2` },
      ],
      // the API lists the first few of each fix's later incidents: fix 2 had 5
      moreIncidents: n === 2 ? 3 : 0,
    });
    const onOpen = vi.fn();
    const view = (more: FixThatDidNotHold[] | null) => (
      <MemoryRouter>
        <FixNext
          loading={false}
          error={null}
          onRetry={() => {}}
          items={[]}
          fixes={[1, 2, 3].map(fix)}
          fixCount={4}
          moreFixes={{ fixes: more, error: null, onOpen }}
          fixesDefinition="A PREVENT action item marked DONE."
        />
      </MemoryRouter>
    );
    const { rerender } = render(view(null));
    expect(screen.getByRole('heading', { name: 'Fixes that did not hold (4)' })).toBeInTheDocument();
    const [shown, ...closed] = screen.getAllByRole('list', { name: 'Fixes that did not hold' });
    // the rest is rendered once "more" is opened
    expect(closed).toEqual([]);
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Fix 1 from INC-1 · Disk full · Search · then INC-11, INC-12',
      'Fix 2 from INC-2 · Disk full · Search · then INC-21, INC-22 and 3 more',
      'Fix 3 from INC-3 · Disk full · Search · then INC-31, INC-32',
    ]);
    expect(
      within(shown)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href'))
        .slice(0, 3),
    ).toEqual(['/incidents/1', '/incidents/11', '/incidents/12']);
    expect(onOpen).not.toHaveBeenCalled();
    await userEvent.click(screen.getByText('1 more'));
    // opening asks for the rest; it shows once it has come
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    rerender(view([fix(4)]));
    const more = screen.getAllByRole('list', { name: 'Fixes that did not hold' })[1];
    expect(
      within(more)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Fix 4 from INC-4 · Disk full · Search · then INC-41, INC-42']);
    expect(within(more).getByRole('link', { name: 'INC-41' })).toBeVisible();
  });

  it('says when every fix held', () => {
    render(
      <MemoryRouter>
        <FixNext loading={false} error={null} onRetry={() => {}} items={[]} fixes={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByText(/None: no completed prevention fix was followed/)).toBeInTheDocument();
  });
});
