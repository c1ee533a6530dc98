import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import type { useReviewEditor } from '../hooks/useReviewEditor';
import { userLabel, type UserOption } from '../transforms/actionItemForm';
import { toReviewMergeView } from '../transforms/reviewForm';
import { reviewActions, type ReviewAction } from '../transforms/reviewState';
import { ConflictBanner } from './ConflictBanner';
import { IncidentMergePanel } from './IncidentMergePanel';
import { ReviewerPicker } from './ReviewerPicker';
import { ReviewMarkdown } from './ReviewMarkdown';

export interface ReviewEditorProps {
  editor: ReturnType<typeof useReviewEditor>;
  /** Everyone who may be a reviewer; null when the list could not be loaded (the reviewers are then shown, not picked). */
  users: readonly UserOption[] | null;
  /** Current reviewers, for names the user list lacks. */
  reviewers: readonly UserOption[];
  /** The hint under the due date: what an empty field means. */
  dueHint: string;
  /** A button was pressed: save, then the section decides what follows (a publish closes the editor). */
  onAction: (state: ReviewAction['state']) => void;
  onClose: () => void;
}

type Tab = 'write' | 'preview';
const tabs: { value: Tab; label: string }[] = [
  { value: 'write', label: 'Write' },
  { value: 'preview', label: 'Preview' },
];

/** The review's Markdown with Write/Preview tabs, its reviewers and due date, and the buttons that move its state. */
export function ReviewEditor({ editor, users, reviewers, dueHint, onAction, onClose }: ReviewEditorProps) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('write');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });
  const { values, errors } = editor;
  const known = new Map([...reviewers, ...(users ?? [])].map((u) => [u.id, u]));
  const nameOf = (userId: string) => {
    const u = known.get(userId);
    return u ? userLabel(u) : `User #${userId}`;
  };
  // An error in the text is shown with the text.
  useEffect(() => {
    if (errors.body) setTab('write');
  }, [errors.body]);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next: Tab = e.key === 'Home' ? 'write' : e.key === 'End' ? 'preview' : tab === 'write' ? 'preview' : 'write';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const actions = reviewActions(editor.state);
  return (
    <form className="review-editor" aria-label="Review editor" onSubmit={(e) => e.preventDefault()} noValidate>
      {editor.merge && (
        <IncidentMergePanel
          subject="review"
          formName="The editor below"
          view={toReviewMergeView(editor.merge.comparison, editor.merge.base, editor.merge.mine, editor.merge.theirs, nameOf)}
          choices={editor.merge.choices}
          latest={{ version: editor.merge.latest.version, updatedAt: editor.merge.latest.updatedAt ?? '' }}
          saving={editor.saving}
          reloading={editor.reloading}
          onChoose={editor.onChoose}
          onSave={editor.onMergeSave}
          onReload={editor.onReload}
        />
      )}
      {editor.conflict && !editor.merge && (
        <ConflictBanner reloading={editor.reloading} onReload={editor.onReload} onDismiss={() => editor.setConflict(false)} />
      )}
      {errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      {errors.state && (
        <div className="banner error" role="alert">
          {errors.state}
        </div>
      )}
      <div className="tabs review-tabs" role="tablist" aria-label="Review text">
        {tabs.map((t) => (
          <button
            key={t.value}
            ref={(el) => {
              tabRefs.current[t.value] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t.value}`}
            aria-selected={tab === t.value}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.value ? 0 : -1}
            onClick={() => setTab(t.value)}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="review-tabpanel">
        {tab === 'write' ? (
          <FormField
            label="Review (Markdown)"
            error={errors.body}
            hint="Headings with ##, lists with -, links as [text](https://…). HTML is not shown."
          >
            <textarea
              className="review-textarea"
              rows={18}
              value={values.body}
              spellCheck
              onChange={(e) => editor.onChange({ ...values, body: e.target.value })}
            />
          </FormField>
        ) : values.body.trim() ? (
          <ReviewMarkdown body={values.body} />
        ) : (
          <p className="muted">Nothing to preview yet.</p>
        )}
      </div>
      <div className="review-meta">
        {users ? (
          <ReviewerPicker
            users={users}
            selected={values.reviewerIds}
            error={errors.reviewerIds}
            onChange={(reviewerIds) => editor.onChange({ ...values, reviewerIds })}
          />
        ) : (
          <div className="reviewer-picker">
            <strong>Reviewers</strong>
            <p>{values.reviewerIds.length ? values.reviewerIds.map(nameOf).join(', ') : <span className="muted">none</span>}</p>
            <span className="hint">The list of people could not be loaded, so reviewers cannot be changed here.</span>
          </div>
        )}
        <FormField label="Due date" error={errors.dueDate} hint={dueHint} className="review-due">
          <input type="date" value={values.dueDate} onChange={(e) => editor.onChange({ ...values, dueDate: e.target.value })} />
        </FormField>
      </div>
      {editor.merge && <p className="hint">Save the merged version above, or reload the review.</p>}
      <div className="form-actions review-actions">
        {actions.map((a) => (
          <button
            key={a.label}
            type="button"
            className={a.primary ? 'primary' : undefined}
            disabled={editor.saving || editor.reloading || !!editor.merge}
            onClick={() => onAction(a.state)}
          >
            {editor.saving && editor.busyTarget === a.state ? 'Saving…' : a.label}
          </button>
        ))}
        {editor.dirty ? (
          <button type="button" className="link-button" onClick={editor.onDiscard} disabled={editor.saving}>
            Discard changes
          </button>
        ) : (
          <button type="button" className="link-button" onClick={onClose}>
            Close editor
          </button>
        )}
      </div>
    </form>
  );
}
