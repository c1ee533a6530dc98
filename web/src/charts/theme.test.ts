import { countAxis } from './theme';

describe('countAxis', () => {
  it('runs from 0 to the round count at or above the largest, in whole steps', () => {
    const axis = countAxis(7, 'Repeats', { maxTicks: 3 });
    expect(axis.ticks).toEqual([0, 5, 10]);
    expect(axis.domain).toEqual([0, 10]);
    expect(axis.allowDecimals).toBe(false);
    expect(axis.label.value).toBe('Repeats');
    expect(countAxis(0, 'Incidents').ticks).toEqual([0, 1]);
  });
});
