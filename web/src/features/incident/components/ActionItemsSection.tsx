import { useState, type FormEvent } from 'react';
import { ChoiceSelect } from '../../../app/ui/ChoiceSelect';
import { FormField } from '../../../app/ui/FormField';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { ActionItemStatus, ActionItemType } from '../../../gql/graphql';
import {
  actionItemStatusChoices,
  actionItemStatusLabels,
  actionItemTypeChoices,
  namedChoices,
  type ActionItemEdit,
  type ActionItemRow,
  type ActionItemValues,
  type UserOption,
  userChoices,
  userLabel,
} from '../transforms/actionItemForm';
import { ActionItemEditor } from './ActionItemEditor';

export interface NewActionItem {
  title: string;
  type: ActionItemType;
  ownerId: string | null;
  dueDate: string | null;
  causeId: string | null;
  mechanismId: string | null;
}

export interface ActionItemsSectionProps {
  items: readonly ActionItemRow[];
  /** Open editors by item id. */
  edits: Readonly<Record<string, ActionItemEdit>>;
  users: readonly UserOption[];
  causes: readonly { id: string; name: string }[];
  gapMechanisms: readonly { id: string; name: string }[];
  canEdit: boolean;
  /** Creating an item. */
  busy: boolean;
  /** The create form's errors. */
  errors: Record<string, string>;
  onCreate: (item: NewActionItem) => Promise<boolean>;
  onStatusChange: (item: ActionItemRow, status: ActionItemStatus) => void;
  onEdit: (item: ActionItemRow) => void;
  onEditChange: (id: string, values: ActionItemValues) => void;
  onEditSave: (id: string) => void;
  onEditCancel: (id: string) => void;
}

export function ActionItemsSection({
  items,
  edits,
  users,
  causes,
  gapMechanisms,
  canEdit,
  busy,
  errors,
  onCreate,
  onStatusChange,
  onEdit,
  onEditChange,
  onEditSave,
  onEditCancel,
}: ActionItemsSectionProps) {
  const blank: NewActionItem = { title: '', type: 'PREVENT', ownerId: null, dueDate: null, causeId: null, mechanismId: null };
  const [draft, setDraft] = useState<NewActionItem>(blank);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.title.trim()) return;
    if (await onCreate({ ...draft, title: draft.title.trim() })) setDraft(blank);
  };
  const columns = canEdit ? 7 : 6;
  return (
    <div>
      {items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <div className="table-scroll">
          <table className={`data-table action-items${canEdit ? '' : ' read-only'}`}>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Type</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Closes</th>
                <th scope="col">Status</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Edit</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const edit = canEdit ? edits[a.id] : undefined;
                if (edit && !edit.quick) {
                  return (
                    <tr key={a.id} className="editing-row">
                      <td colSpan={columns}>
                        <ActionItemEditor
                          item={a}
                          edit={edit}
                          users={users}
                          causes={causes}
                          gapMechanisms={gapMechanisms}
                          onChange={(v) => onEditChange(a.id, v)}
                          onSave={() => onEditSave(a.id)}
                          onCancel={() => onEditCancel(a.id)}
                        />
                      </td>
                    </tr>
                  );
                }
                return (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td data-label="Type">{a.type.toLowerCase()}</td>
                    <td data-label="Owner">{a.owner ? userLabel(a.owner) : <span className="muted">unassigned</span>}</td>
                    <td data-label="Due">
                      <Timestamp value={a.dueDate} /> {a.overdue && <span className="badge overdue">overdue</span>}
                    </td>
                    <td data-label="Closes">
                      {[a.cause?.name, a.mechanism ? `gap: ${a.mechanism.name}` : null].filter(Boolean).join(' · ') || '—'}
                    </td>
                    <td data-label="Status">
                      {canEdit ? (
                        <ChoiceSelect
                          aria-label={`Status of ${a.title}`}
                          value={edit?.values.status ?? a.status}
                          disabled={!!edit}
                          onChange={(v) => onStatusChange(a, v as ActionItemStatus)}
                          choices={actionItemStatusChoices}
                        />
                      ) : (
                        actionItemStatusLabels[a.status]
                      )}
                    </td>
                    {canEdit && (
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Edit ${a.title}`}
                          disabled={!!edit}
                          onClick={() => onEdit(a)}
                        >
                          Edit
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={submit}>
          <FormField label="New action item" error={errors.title} className="grow">
            <input
              type="text"
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              placeholder="e.g. Add a replica in a second zone"
            />
          </FormField>
          <FormField label="Type" error={errors.type}>
            <ChoiceSelect
              value={draft.type}
              onChange={(v) => setDraft({ ...draft, type: v as ActionItemType })}
              choices={actionItemTypeChoices}
            />
          </FormField>
          <FormField label="Owner" error={errors.ownerId}>
            <ChoiceSelect
              value={draft.ownerId ?? ''}
              onChange={(v) => setDraft({ ...draft, ownerId: v || null })}
              choices={userChoices(users)}
              none="Unassigned"
            />
          </FormField>
          <FormField label="Due" error={errors.dueDate}>
            <input type="date" value={draft.dueDate ?? ''} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value || null })} />
          </FormField>
          <FormField label="Cause" error={errors.causeId}>
            <ChoiceSelect
              value={draft.causeId ?? ''}
              onChange={(v) => setDraft({ ...draft, causeId: v || null })}
              choices={namedChoices(causes)}
              none="—"
            />
          </FormField>
          <FormField label="Closes gap" error={errors.mechanismId}>
            <ChoiceSelect
              value={draft.mechanismId ?? ''}
              onChange={(v) => setDraft({ ...draft, mechanismId: v || null })}
              choices={namedChoices(gapMechanisms)}
              none="—"
            />
          </FormField>
          <button type="submit" disabled={busy || !draft.title.trim()}>
            Add
          </button>
        </form>
      )}
    </div>
  );
}
