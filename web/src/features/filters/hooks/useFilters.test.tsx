import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { useFilters } from './useFilters';

const at = (url: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  };

describe('useFilters', () => {
  it('keeps two changes made before the next render (quick ticks)', () => {
    const { result } = renderHook(() => useFilters(), { wrapper: at('/incidents?period=all&team=1') });
    act(() => {
      result.current.update({ teamIds: ['1', '2'] });
      result.current.update({ severities: ['SEV1', 'SEV3'] });
      result.current.setParam('q', 'dns');
    });
    expect(result.current.state).toMatchObject({ period: 'all', teamIds: ['1', '2'], severities: ['SEV1', 'SEV3'] });
    expect(result.current.params.toString()).toBe('period=all&team=1%2C2&severity=SEV1%2CSEV3&q=dns');
  });

  it('reads an old single-value link and a link with repeated parameters alike', () => {
    const one = renderHook(() => useFilters(), { wrapper: at('/?team=4&cause=9') });
    expect(one.result.current.state).toMatchObject({ teamIds: ['4'], causeIds: ['9'] });
    const repeated = renderHook(() => useFilters(), { wrapper: at('/?team=4&team=5&severity=SEV2&severity=SEV1') });
    expect(repeated.result.current.state).toMatchObject({ teamIds: ['4', '5'], severities: ['SEV2', 'SEV1'] });
  });
});
