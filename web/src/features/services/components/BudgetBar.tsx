import { formatBudget, toBudgetBar } from '../transforms/formatBudget';

export interface BudgetBarProps {
  /** Error budget used, a fraction (1 = the whole budget). */
  used: number;
}

/** Error budget used against the SLO: the line is the whole budget; past it the bar turns red. */
export function BudgetBar({ used }: BudgetBarProps) {
  const bar = toBudgetBar(used);
  const label = formatBudget(used);
  return (
    <span className="budget">
      <svg className="budget-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="budget-track" x="0" y="2" width="100" height="8" rx="1" />
        <rect className={bar.overBudget ? 'budget-fill over' : 'budget-fill'} x="0" y="2" width={bar.fill * 100} height="8" rx="1" />
        {bar.beyondScale && <polygon className="budget-cut" points="94,0 100,6 94,12" />}
        <line className="budget-slo" x1={bar.sloAt * 100} x2={bar.sloAt * 100} y1="0" y2="12" />
      </svg>
      <span className={bar.overBudget ? 'budget-label bad' : 'budget-label'}>{label}</span>
    </span>
  );
}
