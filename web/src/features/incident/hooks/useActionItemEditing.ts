import { useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { errorMessage, fieldErrors, hasErrorCode } from '../../../app/graphql/graphqlErrors';
import type { ActionItemFieldsFragment, ActionItemStatus } from '../../../gql/graphql';
import { IncidentDetailQuery, UpdateActionItemMutation } from '../graphql/incidentDocuments';
import {
  actionItemFields,
  preferNewer,
  reapplyActionItemEdit,
  toActionItemValues,
  toUpdateActionItemInput,
  validateActionItem,
  type ActionItemEdit,
  type ActionItemRow,
  type ActionItemValues,
} from '../transforms/actionItemForm';

// The mutation returns the ActionItem; tell the cache the incident (which lists it) changed too.
const refreshIncident = { additionalTypenames: ['Incident', 'ActionItem'] };

const knownFields = new Set<string>(actionItemFields);

/** Server field errors keyed by editor field; anything not on the form goes to `_form`. */
function toEditorErrors(error: Parameters<typeof fieldErrors>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    if (knownFields.has(field)) out[field] = message;
    else out._form = out._form && out._form !== message ? `${out._form} ${message}` : message;
  }
  return Object.keys(out).length ? out : { _form: errorMessage(error) };
}

/**
 * In-place editing of an incident's action items, each against the version it was opened at. A save
 * sends only the changed fields with `expectedVersion`. On CONFLICT the editor stays open, shows the
 * item as it is now next to the user's edit, and moves the form onto that version with the user's
 * changes on top, so saving again re-applies them; only an explicit discard drops them.
 */
export function useActionItemEditing(incidentId: string) {
  const client = useClient();
  const [, update] = useMutation(UpdateActionItemMutation);
  const [edits, setEdits] = useState<Record<string, ActionItemEdit>>({});
  const [saved, setSaved] = useState<Record<string, ActionItemFieldsFragment>>({});
  // Saves finish after awaits; read the newest edit, not the one captured when the click happened.
  const latestEdits = useRef(edits);
  latestEdits.current = edits;

  const patch = (id: string, next: Partial<ActionItemEdit> | null) =>
    setEdits((all) => {
      const rest = { ...all };
      if (next === null) delete rest[id];
      else if (all[id]) rest[id] = { ...all[id], ...next };
      return rest;
    });

  const fetchLatest = async (id: string): Promise<ActionItemRow | null | undefined> => {
    const res = await client.query(IncidentDetailQuery, { id: incidentId }, { requestPolicy: 'network-only' }).toPromise();
    if (!res.data) return undefined;
    return res.data.incident?.actionItems.find((a) => a.id === id) ?? null;
  };

  const submit = async (id: string, edit: ActionItemEdit) => {
    const { base, version, values } = edit;
    const errors = validateActionItem(values);
    if (Object.keys(errors).length) {
      patch(id, { errors, quick: false });
      return;
    }
    const input = toUpdateActionItemInput(base, values, version);
    if (Object.keys(input).length === 1) {
      patch(id, null); // nothing changed
      return;
    }
    patch(id, { errors: {}, saving: true, conflict: undefined });
    const res = await update({ id, input }, refreshIncident);
    const item = res.data?.updateActionItem;
    if (item) {
      setSaved((s) => ({ ...s, [id]: item }));
      patch(id, null);
      return;
    }
    if (hasErrorCode(res.error, 'CONFLICT')) {
      const latest = await fetchLatest(id);
      if (latest === undefined) {
        patch(id, {
          saving: false,
          quick: false,
          errors: { _form: 'Someone else changed this action item, and its current version could not be loaded. Save again to retry.' },
        });
      } else if (latest === null) {
        patch(id, { saving: false, quick: false, conflict: { latest, opened: base, mine: values } });
      } else {
        // Re-apply, ready to save: the user's changes on top of the version that is current now.
        const theirs = toActionItemValues(latest);
        patch(id, {
          saving: false,
          quick: false,
          base: theirs,
          version: latest.version,
          values: reapplyActionItemEdit(base, values, theirs),
          conflict: { latest, opened: base, mine: values },
        });
      }
      return;
    }
    patch(id, { saving: false, quick: false, errors: toEditorErrors(res.error) });
  };

  const open = (item: ActionItemRow, values?: Partial<ActionItemValues>): ActionItemEdit => {
    const base = toActionItemValues(item);
    return { base, version: item.version, values: { ...base, ...values }, errors: {}, saving: false };
  };

  return {
    edits,
    /** The page's items, with just-saved versions in place until the refetch brings them. */
    items: (items: readonly ActionItemRow[]) => preferNewer<ActionItemRow>(items, saved),
    start: (item: ActionItemRow) => setEdits((all) => (all[item.id] ? all : { ...all, [item.id]: open(item) })),
    change: (id: string, values: ActionItemValues) => patch(id, { values }),
    save: (id: string) => {
      const edit = latestEdits.current[id];
      if (edit && !edit.saving) void submit(id, edit);
    },
    /** Closes the editor and drops the user's changes. */
    cancel: (id: string) => patch(id, null),
    /** The quick status select of a row that is not being edited: a one-field edit, saved at once. */
    setStatus: (item: ActionItemRow, status: ActionItemStatus) => {
      const edit = { ...open(item, { status }), quick: true };
      setEdits((all) => ({ ...all, [item.id]: edit }));
      void submit(item.id, edit);
    },
  };
}
