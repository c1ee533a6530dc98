import {
  compareReviewEdits,
  dueDateToIso,
  toLocalDate,
  toReviewFormValues,
  toReviewInput,
  toReviewMergeView,
  validateReview,
} from './reviewForm';

const pm = {
  body: '## Summary\n\nIt broke.',
  reviewers: [{ id: '12' }, { id: '3' }],
  dueAt: '2026-03-06T12:00:00Z',
  dueAtSet: false,
};

describe('review form', () => {
  it('opens with the body, the reviewers sorted by id and an empty due date while it is derived', () => {
    expect(toReviewFormValues(pm)).toEqual({ body: '## Summary\n\nIt broke.', reviewerIds: ['3', '12'], dueDate: '' });
  });

  it('shows a due date set on the review as its day in the viewer’s zone, and saves it as the end of that day', () => {
    const iso = dueDateToIso('2026-03-20')!;
    const end = new Date(iso);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 2, 20, 23, 59]);
    expect(toReviewFormValues({ ...pm, dueAt: iso, dueAtSet: true }).dueDate).toBe('2026-03-20');
    expect(toLocalDate(iso)).toBe('2026-03-20');
    expect(dueDateToIso('2026-02-30')).toBeNull();
    expect(dueDateToIso('20.3.2026')).toBeNull();
  });

  it('sends only the changed fields, and the state only when it moves', () => {
    const base = toReviewFormValues(pm);
    expect(toReviewInput(base, base, 4)).toEqual({ expectedVersion: 4 });
    // the same reviewers in another order are no change
    expect(toReviewInput(base, { ...base, reviewerIds: ['12', '3'] }, 4)).toEqual({ expectedVersion: 4 });
    expect(toReviewInput(base, { ...base, body: 'New', reviewerIds: ['3'] }, 4, 'PUBLISHED')).toEqual({
      expectedVersion: 4,
      body: 'New',
      reviewerIds: ['3'],
      state: 'PUBLISHED',
    });
    const withDue = { ...base, dueDate: '2026-03-20' };
    expect(toReviewInput(base, withDue, 4)).toEqual({ expectedVersion: 4, dueAt: dueDateToIso('2026-03-20') });
    // clearing the day goes back to the default
    expect(toReviewInput(withDue, base, 5)).toEqual({ expectedVersion: 5, dueAt: null });
  });

  it('refuses to publish an empty review and a body over the limit', () => {
    const v = { body: '  \n ', reviewerIds: [], dueDate: '' };
    expect(validateReview(v, 'PUBLISHED')).toEqual({ body: 'An empty review cannot be published.' });
    expect(validateReview(v, 'DRAFT')).toEqual({});
    expect(validateReview({ ...v, body: 'x'.repeat(200_001) }, 'DRAFT').body).toBe(
      'The review is 200,001 characters; at most 200,000 fit.',
    );
    expect(validateReview({ ...v, dueDate: '2026-02-31' }, 'DRAFT')).toEqual({
      dueDate: 'Enter a date, or leave it empty for the default.',
    });
  });

  it('compares three versions field by field and names reviewers in the merge', () => {
    const base = { body: 'A', reviewerIds: ['3'], dueDate: '' };
    const mine = { body: 'A mine', reviewerIds: ['3', '7'], dueDate: '' };
    const theirs = { body: 'A theirs', reviewerIds: ['3'], dueDate: '2026-03-20' };
    const comparison = compareReviewEdits(base, mine, theirs);
    expect(comparison).toEqual({ conflicts: ['body'], mine: ['reviewerIds'], theirs: ['dueDate'] });
    const names: Record<string, string> = { '3': 'Ada', '7': 'Grace' };
    const view = toReviewMergeView(comparison, base, mine, theirs, (id) => names[id]);
    expect(view.conflicts).toEqual([{ field: 'body', label: 'Review text', original: 'A', mine: 'A mine', theirs: 'A theirs' }]);
    expect(view.mine[0]).toMatchObject({ label: 'Reviewers', original: 'Ada', mine: 'Ada, Grace' });
    expect(view.theirs[0]).toMatchObject({ label: 'Due date', original: 'Default (days after resolved)', theirs: '20 Mar 2026' });
  });
});
