import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { RepeatLinks } from './RepeatLinks';

const earlier = { id: '4', key: 'INC-4', title: 'Cache stampede', startedAt: '2026-03-01T10:00:00Z' };

describe('RepeatLinks', () => {
  it('links the incident it repeats with how much earlier it started', () => {
    render(
      <MemoryRouter>
        <RepeatLinks startedAt="2026-03-13T10:00:00Z" repeatOf={earlier} repeatedBy={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'repeats INC-4 Cache stampede' })).toHaveAttribute('href', '/incidents/4');
    expect(screen.getByText('(12 days earlier)')).toBeInTheDocument();
    expect(screen.queryByText(/Came back/)).not.toBeInTheDocument();
  });

  it('lists the later incidents that repeated it', () => {
    render(
      <MemoryRouter>
        <RepeatLinks
          startedAt="2026-03-01T10:00:00Z"
          repeatOf={null}
          repeatedBy={[
            { id: '9', key: 'INC-9', title: 'Stampede again', startedAt: '2026-03-02T09:00:00Z' },
            { id: '12', key: 'INC-12', title: 'And again', startedAt: '2026-04-30T10:00:00Z' },
          ]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('Came back 2 times')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Later incidents that repeated this one' });
    expect(list).toHaveTextContent('INC-9 Stampede again (less than a day later)INC-12 And again (60 days later)');
    expect(screen.getByRole('link', { name: 'INC-12 And again' })).toHaveAttribute('href', '/incidents/12');
  });

  it('draws nothing for an incident that neither repeats nor came back', () => {
    const { container } = render(
      <MemoryRouter>
        <RepeatLinks startedAt="2026-03-01T10:00:00Z" repeatOf={null} repeatedBy={[]} />
      </MemoryRouter>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
