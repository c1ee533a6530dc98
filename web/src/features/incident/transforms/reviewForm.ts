import { formatDate } from '../../../charts/formatters';
import type { PostmortemState } from '../../../gql/graphql';
import { toMergeView, type MergeView } from './incidentMerge';
import { compareEdits, type EditComparison } from './mergeEdits';

/** The API's limit on a review's length (UpdatePostMortemInput.body). */
export const REVIEW_MAX_CHARS = 200_000;

/** What the review editor edits. The state is not a field: the editor's buttons move it. */
export interface ReviewFormValues {
  body: string;
  /** User ids, sorted. */
  reviewerIds: string[];
  /** A day (`YYYY-MM-DD`, the viewer's calendar) the review is due by; '' = the default (days after resolved). */
  dueDate: string;
}

export type ReviewField = keyof ReviewFormValues;

export const reviewFields: readonly ReviewField[] = ['body', 'reviewerIds', 'dueDate'];

export const reviewFieldLabels: Record<ReviewField, string> = {
  body: 'Review text',
  reviewerIds: 'Reviewers',
  dueDate: 'Due date',
};

interface PostMortemLike {
  body: string;
  reviewers: readonly { id: string }[];
  dueAt?: string | null;
  dueAtSet: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant → its day in the viewer's zone, as `<input type=date>` takes it. */
export function toLocalDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A due day → the instant it ends in the viewer's zone (a review due on Friday may be published all Friday).
 * Not a calendar date → null.
 */
export function dueDateToIso(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999);
  return d.getDate() === Number(m[3]) ? d.toISOString() : null;
}

export function toReviewFormValues(pm: PostMortemLike): ReviewFormValues {
  return {
    body: pm.body,
    reviewerIds: pm.reviewers.map((r) => r.id).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)),
    // a derived due date (resolved + N days) is not the user's: leave the field on "default"
    dueDate: pm.dueAtSet ? toLocalDate(pm.dueAt) : '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Fields whose values differ between a and b, as a save would send them (reviewers as a set). */
export function changedReviewFields(a: ReviewFormValues, b: ReviewFormValues): ReviewField[] {
  const out: ReviewField[] = [];
  if (a.body !== b.body) out.push('body');
  if (!sameSet(a.reviewerIds, b.reviewerIds)) out.push('reviewerIds');
  if (a.dueDate !== b.dueDate) out.push('dueDate');
  return out;
}

export function isReviewDirty(a: ReviewFormValues, b: ReviewFormValues): boolean {
  return changedReviewFields(a, b).length > 0;
}

export interface ReviewInput {
  expectedVersion: number;
  body?: string;
  reviewerIds?: string[];
  dueAt?: string | null;
  state?: Exclude<PostmortemState, 'NONE'>;
}

/**
 * The mutation's input: only the fields changed from `base`, and the state only when the user moves the
 * review (a plain save sends none, so a colleague's publish is not undone by a later "Save draft").
 */
export function toReviewInput(
  base: ReviewFormValues,
  edited: ReviewFormValues,
  version: number,
  state?: Exclude<PostmortemState, 'NONE'>,
): ReviewInput {
  const input: ReviewInput = { expectedVersion: version };
  const changed = changedReviewFields(base, edited);
  if (changed.includes('body')) input.body = edited.body;
  if (changed.includes('reviewerIds')) input.reviewerIds = [...edited.reviewerIds];
  if (changed.includes('dueDate')) input.dueAt = edited.dueDate ? dueDateToIso(edited.dueDate) : null;
  if (state) input.state = state;
  return input;
}

/** Field errors found before sending (the API checks the same and names the same fields). */
export function validateReview(values: ReviewFormValues, state: PostmortemState): Partial<Record<ReviewField | '_form', string>> {
  const errors: Partial<Record<ReviewField, string>> = {};
  if (state === 'PUBLISHED' && !values.body.trim()) errors.body = 'An empty review cannot be published.';
  else if (values.body.length > REVIEW_MAX_CHARS) {
    errors.body = `The review is ${values.body.length.toLocaleString('en-GB')} characters; at most ${REVIEW_MAX_CHARS.toLocaleString('en-GB')} fit.`;
  }
  if (values.dueDate && !dueDateToIso(values.dueDate)) errors.dueDate = 'Enter a date, or leave it empty for the default.';
  return errors;
}

/** `base` is what the user opened, `mine` the form now, `theirs` the latest saved review. */
export function compareReviewEdits(base: ReviewFormValues, mine: ReviewFormValues, theirs: ReviewFormValues): EditComparison<ReviewField> {
  return compareEdits(reviewFields, changedReviewFields, base, mine, theirs);
}

/** One field's value as a person reads it: reviewers by name, the due day as a date. */
export function formatReviewValue(field: ReviewField, v: ReviewFormValues, userName: (id: string) => string): string {
  switch (field) {
    case 'body':
      return v.body.trim() ? v.body : '(empty)';
    case 'reviewerIds':
      return v.reviewerIds.length ? v.reviewerIds.map(userName).join(', ') : 'None';
    case 'dueDate':
      return v.dueDate ? formatDate(v.dueDate) : 'Default (days after resolved)';
  }
}

export function toReviewMergeView(
  comparison: EditComparison<ReviewField>,
  base: ReviewFormValues,
  mine: ReviewFormValues,
  theirs: ReviewFormValues,
  userName: (id: string) => string,
): MergeView<ReviewField> {
  return toMergeView(
    comparison,
    base,
    mine,
    theirs,
    (f) => reviewFieldLabels[f],
    (f, v) => formatReviewValue(f, v, userName),
  );
}
