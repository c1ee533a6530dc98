/**
 * Error budget used (a fraction: 1 = the whole budget) as people say it: a percentage while within
 * the budget ("62 % of budget"), a multiple once over it ("4.2× budget") — "5990 %" reads as noise.
 */
export function formatBudget(used: number | null | undefined): string {
  if (used == null || !Number.isFinite(used)) return '—';
  if (used <= 1) return `${Math.round(used * 100)} % of budget`;
  const digits = used < 10 ? 1 : 0;
  const text = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(used);
  return `${text}× budget`;
}

/** The bar's scale runs to twice the budget, so the SLO line sits in the middle and overruns show up to 2×. */
export const barScaleMax = 2;

export interface BudgetBar {
  /** Fill, 0–1 of the bar's width. */
  fill: number;
  /** Where the SLO (the whole budget) sits, 0–1 of the width. */
  sloAt: number;
  /** Used beyond the scale (more than twice the budget): drawn full, marked as cut. */
  beyondScale: boolean;
  overBudget: boolean;
}

/** Geometry of a budget bar against the SLO. */
export function toBudgetBar(used: number): BudgetBar {
  const u = Math.max(0, used);
  return { fill: Math.min(u, barScaleMax) / barScaleMax, sloAt: 1 / barScaleMax, beyondScale: u > barScaleMax, overBudget: u > 1 };
}
