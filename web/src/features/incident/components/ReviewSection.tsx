import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { PostMortemFieldsFragment } from '../../../gql/graphql';
import { AssignableUsersQuery } from '../graphql/incidentDocuments';
import { useReviewEditor } from '../hooks/useReviewEditor';
import { userLabel } from '../transforms/actionItemForm';
import { defaultDueHint, reviewStateLabels, type ReviewAction } from '../transforms/reviewState';
import { ReviewEditor } from './ReviewEditor';
import { ReviewMarkdown } from './ReviewMarkdown';

export interface ReviewSectionProps {
  incidentId: string;
  postMortem: PostMortemFieldsFragment;
  /** loopSettings.reviewDueDays and the incident's resolvedAt, for the due date's hint. */
  reviewDueDays: number | null;
  resolvedAt: string | null;
  /** Whoever may edit the incident may write its review (the API enforces the same). */
  canEdit: boolean;
}

/** The due date as the reader sees it; an overdue review says so in words and in red. */
function DueDate({ pm }: { pm: PostMortemFieldsFragment }) {
  if (!pm.dueAt) return <span className="muted">{pm.required ? 'once the incident is resolved' : 'not set'}</span>;
  if (pm.overdue) {
    return (
      <span className="review-overdue">
        Overdue since <Timestamp value={pm.dueAt} date />
      </span>
    );
  }
  return <Timestamp value={pm.dueAt} date />;
}

/** The incident's review: everyone reads it rendered; those who may edit the incident write it here. */
export function ReviewSection({ incidentId, postMortem: pm, reviewDueDays, resolvedAt, canEdit }: ReviewSectionProps) {
  const editor = useReviewEditor(incidentId, pm);
  const [open, setOpen] = useState(false);
  const [users] = useQuery({ query: AssignableUsersQuery, requestPolicy: 'cache-first', pause: !open });
  const toggleRef = useRef<HTMLButtonElement>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  // Focus follows the switch: into the text on open, back to the button on close (not on the first render).
  useEffect(() => {
    if (!opened.current) {
      opened.current = true;
      return;
    }
    if (open) editorRef.current?.querySelector<HTMLElement>('textarea')?.focus();
    else toggleRef.current?.focus();
  }, [open]);

  const onAction = async (state: ReviewAction['state']) => {
    // after publishing, show the review as readers will see it
    if ((await editor.onAction(state)) && state === 'PUBLISHED') setOpen(false);
  };
  const written = pm.state !== 'NONE';

  return (
    <section className="card review-section" aria-labelledby="review-h">
      <div className="section-title-row">
        <h2 id="review-h">Review</h2>
        <span className={`badge review-state review-${pm.state.toLowerCase().replace('_', '-')}`}>{reviewStateLabels[pm.state]}</span>
        {pm.required && pm.state !== 'PUBLISHED' && <span className="badge">required</span>}
        {canEdit && !open && (
          <button ref={toggleRef} type="button" className="section-action" onClick={() => setOpen(true)}>
            {written ? 'Edit review' : 'Write the review'}
          </button>
        )}
      </div>
      <dl className="fact-list review-facts">
        <div className="wide">
          <dt>Reviewers</dt>
          <dd>{pm.reviewers.length ? pm.reviewers.map(userLabel).join(', ') : <span className="muted">none yet</span>}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <DueDate pm={pm} />
          </dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{pm.publishedAt ? <Timestamp value={pm.publishedAt} date /> : <span className="muted">not yet</span>}</dd>
        </div>
      </dl>
      {pm.updatedAt && (
        <p className="muted small">
          Version {pm.version} · saved <Timestamp value={pm.updatedAt} />
          {pm.updatedBy ? ` by ${pm.updatedBy}` : ''}
        </p>
      )}
      {editor.savedMessage && (
        <p className="banner success" role="status">
          {editor.savedMessage}
        </p>
      )}
      {open ? (
        <div ref={editorRef}>
          <ReviewEditor
            editor={editor}
            users={users.error ? null : (users.data?.users ?? [])}
            reviewers={pm.reviewers}
            dueHint={defaultDueHint(reviewDueDays, resolvedAt)}
            onAction={onAction}
            onClose={() => setOpen(false)}
          />
        </div>
      ) : written ? (
        <ReviewMarkdown body={pm.body} />
      ) : (
        <p className="muted">
          No review has been written yet.
          {pm.required ? ' This incident needs one: its severity is among those that require a review.' : ''}
        </p>
      )}
    </section>
  );
}
