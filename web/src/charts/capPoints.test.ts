import { capPoints } from './capPoints';

describe('capPoints', () => {
  it('keeps short series unchanged', () => {
    expect(capPoints([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it('caps long series and keeps the last point', () => {
    const series = Array.from({ length: 5000 }, (_, i) => i);
    const capped = capPoints(series, 1000);
    expect(capped.length).toBeLessThanOrEqual(1000);
    expect(capped[0]).toBe(0);
    expect(capped[capped.length - 1]).toBe(4999);
  });
});
