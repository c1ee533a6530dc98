import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { PostMortemFieldsFragment } from '../../../gql/graphql';
import { ReviewSection } from './ReviewSection';

const template = '## Summary\n\n_What happened._\n';
const pm: PostMortemFieldsFragment = {
  incidentId: '7',
  state: 'NONE',
  body: template,
  reviewers: [],
  dueAt: '2026-03-06T12:00:00Z',
  dueAtSet: false,
  publishedAt: null,
  version: 0,
  required: true,
  overdue: true,
  updatedAt: null,
  updatedBy: null,
};
const users = [
  { id: '3', email: 'ada@example.com', name: 'Ada' },
  { id: '7', email: 'grace@example.com', name: 'Grace' },
];

type Answer = { data?: unknown; error?: GraphQLError };

/** A client answering mutations in order, the users query, and IncidentLoop queries with `latest`. */
function renderWith(
  answers: Answer[],
  opts: { latest?: Partial<PostMortemFieldsFragment>; canEdit?: boolean; initial?: Partial<PostMortemFieldsFragment> } = {},
) {
  const executeMutation = vi.fn(() => {
    const a = answers.shift() ?? { error: new GraphQLError('no more answers') };
    return fromValue({
      operation: {} as never,
      data: a.data,
      error: a.error ? new CombinedError({ graphQLErrors: [a.error] }) : undefined,
      stale: false,
      hasNext: false,
    });
  });
  const executeQuery = vi.fn(() => fromValue({ operation: {} as never, data: { users }, stale: false, hasNext: false }));
  const query = vi.fn(() => ({
    toPromise: async () => ({ data: opts.latest ? { incident: { postMortem: { ...pm, ...opts.latest } } } : undefined }),
  }));
  const client = { executeMutation, executeQuery, query } as unknown as Client;
  const section = (postMortem: Partial<PostMortemFieldsFragment>) => (
    <Provider value={client}>
      <ReviewSection
        incidentId="7"
        postMortem={{ ...pm, ...postMortem }}
        reviewDueDays={5}
        resolvedAt="2026-03-01T12:00:00Z"
        canEdit={opts.canEdit ?? true}
      />
    </Provider>
  );
  const { rerender } = render(section(opts.initial ?? {}));
  const inputs = () => executeMutation.mock.calls.map((c) => (c as unknown as [{ variables: unknown }])[0].variables);
  /** The page refetched: the section gets a newer review. */
  const refetched = (postMortem: Partial<PostMortemFieldsFragment>) => rerender(section(postMortem));
  return { executeMutation, inputs, query, refetched };
}

const conflict = new GraphQLError('changed by someone else', { extensions: { code: 'CONFLICT', fields: ['expectedVersion'] } });

describe('ReviewSection', () => {
  it('shows readers the state, the overdue due date in words and no editor', () => {
    renderWith([], { canEdit: false });
    const section = screen.getByRole('region', { name: 'Review' });
    expect(section).toHaveTextContent('Not started');
    expect(section).toHaveTextContent('No review has been written yet. This incident needs one');
    expect(section).toHaveTextContent('Overdue since 06 Mar 2026');
    expect(screen.queryByRole('button', { name: /review/i })).not.toBeInTheDocument();
  });

  it('renders a published review’s Markdown with its reviewers and publish date', () => {
    renderWith([], {
      canEdit: false,
      initial: {
        state: 'PUBLISHED',
        body: '## Impact\n\nCheckout failed for **12 %**.',
        reviewers: users,
        publishedAt: '2026-03-05T09:00:00Z',
        overdue: false,
        version: 3,
        updatedAt: '2026-03-05T09:00:00Z',
      },
    });
    const section = screen.getByRole('region', { name: 'Review' });
    expect(within(section).getByRole('heading', { name: 'Impact', level: 3 })).toBeInTheDocument();
    expect(section).toHaveTextContent('Published');
    expect(section).toHaveTextContent('ReviewersAda, Grace');
    expect(section).toHaveTextContent('Published05 Mar 2026');
  });

  it('starts a review from the template and saves it as a draft with reviewers and a due day', async () => {
    const saved = {
      ...pm,
      state: 'DRAFT' as const,
      version: 1,
      body: `${template}\nIt broke.`,
      reviewers: [users[0]],
      updatedAt: '2026-03-02T09:00:00Z',
    };
    const { inputs } = renderWith([{ data: { updatePostMortem: saved } }]);
    await userEvent.click(screen.getByRole('button', { name: 'Write the review' }));
    const text = screen.getByLabelText('Review (Markdown)');
    expect(text).toHaveFocus();
    expect(text).toHaveValue(template);
    await userEvent.type(text, '\nIt broke.');
    await userEvent.click(await screen.findByRole('checkbox', { name: /Ada/ }));
    await userEvent.type(screen.getByLabelText('Due date'), '2026-03-20');
    expect(screen.getByText(/Leave empty for the default, 5 days after the incident is resolved: 06 Mar 2026/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const [call] = inputs() as { incidentId: string; input: Record<string, unknown> }[];
    expect(call.incidentId).toBe('7');
    expect(call.input).toMatchObject({ expectedVersion: 0, body: `${template}\nIt broke.`, reviewerIds: ['3'], state: 'DRAFT' });
    expect(new Date(call.input.dueAt as string).getDate()).toBe(20);
    expect(await screen.findByRole('status')).toHaveTextContent('Draft saved.');
  });

  it('switches to a preview with the keyboard', async () => {
    renderWith([]);
    await userEvent.click(screen.getByRole('button', { name: 'Write the review' }));
    const write = screen.getByRole('tab', { name: 'Write' });
    write.focus();
    await userEvent.keyboard('{ArrowRight}');
    const preview = screen.getByRole('tab', { name: 'Preview' });
    expect(preview).toHaveFocus();
    expect(preview).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('What happened.');
    expect(screen.getByRole('heading', { name: 'Summary', level: 3 })).toBeInTheDocument();
  });

  it('does not publish an empty review', async () => {
    const { executeMutation } = renderWith([]);
    await userEvent.click(screen.getByRole('button', { name: 'Write the review' }));
    await userEvent.clear(screen.getByLabelText('Review (Markdown)'));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(screen.getByText('An empty review cannot be published.')).toBeInTheDocument();
    expect(screen.getByLabelText('Review (Markdown)')).toHaveAttribute('aria-invalid', 'true');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('on a stale save opens the incident page’s merge for the review and saves the merge against their version', async () => {
    const draft = { state: 'DRAFT' as const, version: 2, body: 'Original', updatedAt: '2026-03-02T09:00:00Z', overdue: false };
    const latest = { ...draft, version: 3, body: 'Their text', reviewers: [users[1]], updatedAt: '2026-03-03T09:00:00Z' };
    const { inputs } = renderWith(
      [{ error: conflict }, { data: { updatePostMortem: { ...pm, ...latest, version: 4, state: 'IN_REVIEW' } } }],
      { initial: draft, latest },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit review' }));
    await userEvent.clear(screen.getByLabelText('Review (Markdown)'));
    await userEvent.type(screen.getByLabelText('Review (Markdown)'), 'My text');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));

    const panel = await screen.findByRole('region', { name: /Someone else changed this review/ });
    const row = within(panel).getByRole('row', { name: /Review text/ });
    expect(row).toHaveTextContent('Their text');
    expect(row).toHaveTextContent('My text');
    expect(panel).toHaveTextContent('Reviewers: None → Grace'); // theirs only, kept
    expect(screen.getByRole('button', { name: 'Send for review' })).toBeDisabled();
    await userEvent.click(within(panel).getByRole('radio', { name: 'Keep yours for Review text' }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Save merged version' }));
    expect(inputs()[1]).toEqual({ incidentId: '7', input: { expectedVersion: 3, body: 'My text', state: 'IN_REVIEW' } });
    expect(await screen.findByRole('status')).toHaveTextContent('Review sent for review.');
  });

  it('follows a refetched review whose fields I have not touched: a colleague’s state, my edits saved on it at once', async () => {
    const draft = { state: 'DRAFT' as const, version: 2, body: 'Original', updatedAt: '2026-03-02T09:00:00Z', overdue: false };
    const saved = { ...pm, ...draft, state: 'IN_REVIEW' as const, version: 4, body: 'Original, then mine' };
    const { inputs, refetched, query } = renderWith([{ data: { updatePostMortem: saved } }], { initial: draft });
    await userEvent.click(screen.getByRole('button', { name: 'Edit review' }));
    await userEvent.type(screen.getByLabelText('Review (Markdown)'), ', then mine');
    refetched({ ...draft, version: 3, state: 'IN_REVIEW', updatedAt: '2026-03-03T09:00:00Z' }); // a colleague sent it for review
    // the editor offers what an IN_REVIEW review offers; a plain save keeps their state
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(inputs()).toEqual([{ incidentId: '7', input: { expectedVersion: 3, body: 'Original, then mine' } }]);
    expect(query).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Review (Markdown)')).toHaveValue('Original, then mine');
  });

  it('puts the API’s field errors next to the field', async () => {
    renderWith([
      { error: new GraphQLError('reviewerIds: no user with id 7', { extensions: { code: 'BAD_USER_INPUT', fields: ['reviewerIds'] } }) },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Write the review' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: /Grace/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const group = await screen.findByRole('group', { name: 'Reviewers' });
    expect(group).toHaveTextContent('reviewerIds: no user with id 7');
    expect(group).toHaveAttribute('aria-invalid', 'true');
  });
});
