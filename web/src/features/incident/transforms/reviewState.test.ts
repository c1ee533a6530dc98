import { defaultDueHint, reviewActions, reviewSavedMessage, reviewStateLabels } from './reviewState';

const labels = (state: Parameters<typeof reviewActions>[0]) =>
  reviewActions(state).map((a) => `${a.label}→${a.state}${a.primary ? '*' : ''}`);

describe('review state', () => {
  it('names each state as the badge shows it', () => {
    expect(reviewStateLabels).toEqual({ NONE: 'Not started', DRAFT: 'Draft', IN_REVIEW: 'In review', PUBLISHED: 'Published' });
  });

  it('offers the next steps of each state, the step forward first-class', () => {
    expect(labels('NONE')).toEqual(['Save draft→DRAFT', 'Send for review→IN_REVIEW*', 'Publish→PUBLISHED']);
    expect(labels('DRAFT')).toEqual(['Save draft→DRAFT', 'Send for review→IN_REVIEW*', 'Publish→PUBLISHED']);
    expect(labels('IN_REVIEW')).toEqual(['Save→IN_REVIEW', 'Publish→PUBLISHED*', 'Back to draft→DRAFT']);
    expect(labels('PUBLISHED')).toEqual(['Save published review→PUBLISHED*', 'Reopen→DRAFT']);
  });

  it('says what a save did', () => {
    expect(reviewSavedMessage('NONE', 'DRAFT')).toBe('Draft saved.');
    expect(reviewSavedMessage('DRAFT', 'DRAFT')).toBe('Review saved.');
    expect(reviewSavedMessage('DRAFT', 'IN_REVIEW')).toBe('Review sent for review.');
    expect(reviewSavedMessage('IN_REVIEW', 'PUBLISHED')).toBe('Review published.');
    expect(reviewSavedMessage('PUBLISHED', 'DRAFT')).toBe('Review reopened as a draft.');
    expect(reviewSavedMessage('IN_REVIEW', 'DRAFT')).toBe('Review moved back to draft.');
  });

  it('explains the default due date: resolved + the settings’ days', () => {
    // 1 March 12:00 UTC + 5 days = 6 March, the same day in every zone from UTC−11 to UTC+11
    expect(defaultDueHint(5, '2026-03-01T12:00:00Z')).toBe(
      'Leave empty for the default, 5 days after the incident is resolved: 06 Mar 2026.',
    );
    expect(defaultDueHint(1, null)).toBe('Leave empty for the default, 1 day after the incident is resolved (it is not resolved yet).');
    expect(defaultDueHint(null, '2026-03-01T12:00:00Z')).toBe(
      'Leave empty for the default: a number of days after the incident is resolved.',
    );
  });
});
