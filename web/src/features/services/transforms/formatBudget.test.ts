import { formatBudget, toBudgetBar } from './formatBudget';

describe('formatBudget', () => {
  it('reads as a share of the budget while within it', () => {
    expect(formatBudget(0)).toBe('0 % of budget');
    expect(formatBudget(0.624)).toBe('62 % of budget');
    expect(formatBudget(1)).toBe('100 % of budget');
  });

  it('reads as a multiple once over it, not a five-digit percentage', () => {
    expect(formatBudget(1.04)).toBe('1.0× budget');
    expect(formatBudget(4.2)).toBe('4.2× budget');
    expect(formatBudget(59.9)).toBe('60× budget');
    expect(formatBudget(222.06)).toBe('222× budget');
    expect(formatBudget(1234.4)).toBe('1,234× budget');
  });

  it('shows a dash when unknown', () => {
    expect(formatBudget(null)).toBe('—');
    expect(formatBudget(Number.NaN)).toBe('—');
  });
});

describe('toBudgetBar', () => {
  it('puts the SLO in the middle and fills in proportion up to twice the budget', () => {
    expect(toBudgetBar(0.5)).toEqual({ fill: 0.25, sloAt: 0.5, beyondScale: false, overBudget: false });
    expect(toBudgetBar(1.5)).toEqual({ fill: 0.75, sloAt: 0.5, beyondScale: false, overBudget: true });
  });
  it('draws an overrun beyond 2× full and marks it cut', () => {
    expect(toBudgetBar(60)).toEqual({ fill: 1, sloAt: 0.5, beyondScale: true, overBudget: true });
  });
});
