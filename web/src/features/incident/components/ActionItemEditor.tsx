import type { FormEvent } from 'react';
import { ChoiceSelect } from '../../../app/ui/ChoiceSelect';
import { FormField } from '../../../app/ui/FormField';
import type { ActionItemStatus, ActionItemType } from '../../../gql/graphql';
import {
  actionItemStatusChoices,
  actionItemTypeChoices,
  namedChoices,
  toActionItemConflictRows,
  toActionItemValues,
  withOption,
  type ActionItemEdit,
  type ActionItemRow,
  type ActionItemValues,
  type UserOption,
  userChoices,
} from '../transforms/actionItemForm';
import { ActionItemConflict } from './ActionItemConflict';

export interface ActionItemEditorProps {
  item: ActionItemRow;
  edit: ActionItemEdit;
  users: readonly UserOption[];
  causes: readonly { id: string; name: string }[];
  gapMechanisms: readonly { id: string; name: string }[];
  onChange: (values: ActionItemValues) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** One action item's fields, edited in place; after a conflict, the other person's values above them. */
export function ActionItemEditor({ item, edit, users, causes, gapMechanisms, onChange, onSave, onCancel }: ActionItemEditorProps) {
  const { values, errors, saving, conflict } = edit;
  const latest = conflict?.latest;
  // The item's current owner, cause and gap stay choosable even when the lists no longer offer them.
  const owners = withOption(users, item.owner, latest?.owner);
  const causeOptions = withOption(causes, item.cause, latest?.cause);
  const mechanisms = withOption(gapMechanisms, item.mechanism, latest?.mechanism);
  const set = <K extends keyof ActionItemValues>(key: K, value: ActionItemValues[K]) => onChange({ ...values, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <form className="action-item-editor" aria-label={`Edit action item: ${item.title}`} onSubmit={submit} noValidate>
      {conflict && (
        <ActionItemConflict
          rows={
            latest
              ? toActionItemConflictRows(conflict.opened, conflict.mine, toActionItemValues(latest), {
                  users: owners,
                  causes: causeOptions,
                  mechanisms,
                })
              : null
          }
          saving={saving}
          onReapply={onSave}
          onDiscard={onCancel}
        />
      )}
      {errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      <fieldset disabled={saving}>
        <div className="form-grid">
          <FormField label="Title" error={errors.title} className="span-2">
            <input type="text" value={values.title} maxLength={500} onChange={(e) => set('title', e.target.value)} required />
          </FormField>
          <FormField label="Type" error={errors.type}>
            <ChoiceSelect value={values.type} onChange={(v) => set('type', v as ActionItemType)} choices={actionItemTypeChoices} />
          </FormField>
          <FormField label="Status" error={errors.status}>
            <ChoiceSelect value={values.status} onChange={(v) => set('status', v as ActionItemStatus)} choices={actionItemStatusChoices} />
          </FormField>
          <FormField label="Owner" error={errors.ownerId}>
            <ChoiceSelect value={values.ownerId} onChange={(v) => set('ownerId', v)} choices={userChoices(owners)} none="Unassigned" />
          </FormField>
          <FormField label="Due date" error={errors.dueDate}>
            <input type="date" value={values.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
          </FormField>
          <FormField label="Cause" error={errors.causeId}>
            <ChoiceSelect value={values.causeId} onChange={(v) => set('causeId', v)} choices={namedChoices(causeOptions)} none="—" />
          </FormField>
          <FormField label="Closes gap" hint="The redundancy gap this work closes (optional)" error={errors.mechanismId}>
            <ChoiceSelect value={values.mechanismId} onChange={(v) => set('mechanismId', v)} choices={namedChoices(mechanisms)} none="—" />
          </FormField>
        </div>
      </fieldset>
      {!conflict && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
