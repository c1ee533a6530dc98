import type { PostmortemState } from '../../../gql/graphql';
import { formatDate } from '../../../charts/formatters';

/** The badge of a review's state; NONE reads as "Not started" (nothing written yet). */
export const reviewStateLabels: Record<PostmortemState, string> = {
  NONE: 'Not started',
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
};

/** One button of the review editor: saves the form and moves the review to `state`. */
export interface ReviewAction {
  label: string;
  state: Exclude<PostmortemState, 'NONE'>;
  /** The step forward: drawn as the primary button. */
  primary: boolean;
}

/**
 * The buttons the editor offers in each state, in the order shown. Every button saves the text too: the
 * first keeps the state it is in (a new review starts as a draft); the others move it on or back.
 * A published review stays published when edited (publishedAt is kept); Reopen takes it back to a draft.
 */
export function reviewActions(state: PostmortemState): ReviewAction[] {
  switch (state) {
    case 'NONE':
    case 'DRAFT':
      return [
        { label: 'Save draft', state: 'DRAFT', primary: false },
        { label: 'Send for review', state: 'IN_REVIEW', primary: true },
        { label: 'Publish', state: 'PUBLISHED', primary: false },
      ];
    case 'IN_REVIEW':
      return [
        { label: 'Save', state: 'IN_REVIEW', primary: false },
        { label: 'Publish', state: 'PUBLISHED', primary: true },
        { label: 'Back to draft', state: 'DRAFT', primary: false },
      ];
    case 'PUBLISHED':
      return [
        { label: 'Save published review', state: 'PUBLISHED', primary: true },
        { label: 'Reopen', state: 'DRAFT', primary: false },
      ];
  }
}

/** What the save did, for the status line after it. */
export function reviewSavedMessage(before: PostmortemState, after: PostmortemState): string {
  if (before === after) return 'Review saved.';
  switch (after) {
    case 'DRAFT':
      return before === 'PUBLISHED' ? 'Review reopened as a draft.' : before === 'NONE' ? 'Draft saved.' : 'Review moved back to draft.';
    case 'IN_REVIEW':
      return 'Review sent for review.';
    case 'PUBLISHED':
      return 'Review published.';
    default:
      return 'Review saved.';
  }
}

/**
 * What an empty due date means, under the date field: resolvedAt + the days in the settings (the API's
 * rule), or a sentence when the incident is not resolved yet.
 */
export function defaultDueHint(dueDays: number | null | undefined, resolvedAt: string | null | undefined): string {
  if (dueDays == null) return 'Leave empty for the default: a number of days after the incident is resolved.';
  const days = dueDays === 1 ? '1 day' : `${dueDays} days`;
  const resolved = resolvedAt ? new Date(resolvedAt).getTime() : NaN;
  const when = Number.isNaN(resolved)
    ? ' (it is not resolved yet)'
    : `: ${formatDate(new Date(resolved + dueDays * 86_400_000).toISOString())}`;
  return `Leave empty for the default, ${days} after the incident is resolved${when}.`;
}
