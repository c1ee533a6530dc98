import { useState } from 'react';
import type { CombinedError } from 'urql';
import { errorMessage, fieldErrors, hasErrorCode } from '../../../app/graphql/graphqlErrors';
import { mergeEdits, unresolvedFields, type EditComparison, type MergeChoice } from '../transforms/mergeEdits';

/** What the form was opened at: its values and the version a save names as `expectedVersion`. */
export interface EditorBaseline<V> {
  values: V;
  version: number;
}

/** A save that answered CONFLICT: what the user had opened and typed, what the save meant to do, and the latest version. */
interface MergeState<R, V, K extends string, I> {
  latest: R;
  opened: V;
  mine: V;
  intent: I;
  choices: Partial<Record<K, MergeChoice>>;
}

export interface VersionedEditorOptions<R extends { version: number }, V extends object, K extends keyof V & string, B, I> {
  /** The version the page holds now (it changes when a refetch brings a newer one). */
  record: R;
  toBaseline: (record: R) => B;
  isDirty: (a: V, b: V) => boolean;
  /** Three-way comparison: what the user opened, the form now, the latest saved version. */
  compare: (base: V, mine: V, theirs: V) => EditComparison<K>;
  /** The latest saved version, loaded past the cache; null when it cannot be loaded. */
  fetchLatest: () => Promise<R | null>;
  /** Sends the fields of `edited` changed from `base`, with `base.version` as the expected version. */
  send: (base: B, edited: V, intent: I) => Promise<{ saved?: R | null; error?: CombinedError }>;
  validate: (values: V, base: B, intent: I) => Record<string, string>;
  /** True when a save with `intent` changes the record even with no field edited (a review moved to another state). */
  moves?: (base: B, intent: I) => boolean;
  /** Renames the API's field names to the form's, where they differ. */
  toFormErrors?: (errors: Record<string, string>) => Record<string, string>;
  /** Shown when "Reload" cannot load the current version. */
  reloadFailed: string;
}

/**
 * Edits a versioned record (an incident's details, its review) against the version it was opened at.
 * Saves send only changed fields with `expectedVersion`. A CONFLICT answer loads the latest version:
 * when the other change touched none of the form's fields the same edits are saved again on it; otherwise
 * a field-by-field merge opens, the form moves onto the latest version with the user's edits on top (so it
 * always shows what a save stores), fields both changed wait for the user's choice, and nothing is saved
 * until then. Reloading discards the edits instead.
 */
export function useVersionedEditor<
  R extends { version: number },
  V extends object,
  K extends keyof V & string,
  B extends EditorBaseline<V>,
  I = undefined,
>(options: VersionedEditorOptions<R, V, K, B, I>) {
  const { record, toBaseline, isDirty, compare, fetchLatest, send, validate, moves, toFormErrors } = options;
  const [baseline, setBaseline] = useState<B>(() => toBaseline(record));
  const [values, setValues] = useState<V>(baseline.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reload-only banner: a conflict with nothing to merge here, or the latest version would not load.
  const [conflict, setConflict] = useState(false);
  const [merge, setMerge] = useState<MergeState<R, V, K, I> | null>(null);
  /** The last save that went through: the baseline it was made from and what the API answered. */
  const [saved, setSaved] = useState<{ from: B; record: R } | null>(null);
  /** The save under way (from the first request to the last, a reload of the latest version included). */
  const [pending, setPending] = useState<{ intent: I } | null>(null);
  const [reloading, setReloading] = useState(false);

  // A newer version arrived (our own side change or a refetch). Adjusted while rendering, not in an
  // effect: the page must never show the new record (say, a reset field's marker gone) beside the old values.
  const [seenVersion, setSeenVersion] = useState(record.version);
  if (record.version !== seenVersion) {
    setSeenVersion(record.version);
    if (record.version !== baseline.version) {
      const next = toBaseline(record);
      if (!isDirty(baseline.values, values)) {
        setBaseline(next);
        setValues(next.values);
        setMerge(null);
      } else if (!isDirty(baseline.values, next.values)) {
        // Nobody touched the fields being edited here; only changed fields are sent, so nothing is overwritten.
        setBaseline((b) => ({ ...next, values: b.values }));
      }
      // Otherwise keep editing against the old version: saving answers CONFLICT and opens the merge.
    }
  }

  const reset = (next: R) => {
    const b = toBaseline(next);
    setBaseline(b);
    setValues(b.values);
    setErrors({});
    setConflict(false);
    setMerge(null);
  };

  /** Saves `edited` as changes to `base`; a CONFLICT loads the latest version and opens the merge. True when saved. */
  const save = async (base: B, edited: V, intent: I, retry = true): Promise<boolean> => {
    const res = await send(base, edited, intent);
    if (res.saved) {
      reset(res.saved);
      setSaved({ from: base, record: res.saved });
      return true;
    }
    if (hasErrorCode(res.error, 'CONFLICT')) {
      const latest = await fetchLatest();
      if (!latest) {
        setConflict(true);
        return false;
      }
      const next = toBaseline(latest);
      const comparison = compare(base.values, edited, next.values);
      if (retry && comparison.theirs.length === 0 && comparison.conflicts.length === 0) {
        // They changed nothing this form edits: the same edits, on their version.
        const rebased = mergeEdits(comparison, edited, next.values, {});
        setBaseline(next);
        setValues(rebased);
        return save(next, rebased, intent, false);
      }
      // Until the user decides, the form keeps their own value of each field both changed.
      const keepMine = Object.fromEntries(comparison.conflicts.map((f) => [f, 'mine' as const])) as Partial<Record<K, MergeChoice>>;
      setBaseline(next);
      setValues(mergeEdits(comparison, edited, next.values, keepMine));
      setMerge({ latest, opened: base.values, mine: edited, intent, choices: {} });
      return false;
    }
    const fe = fieldErrors(res.error);
    const named = toFormErrors ? toFormErrors(fe) : fe;
    setErrors(Object.keys(named).length ? named : { _form: errorMessage(res.error) });
    return false;
  };

  const saveChecked = async (base: B, edited: V, intent: I): Promise<boolean> => {
    setPending({ intent });
    try {
      return await save(base, edited, intent);
    } finally {
      setPending(null);
    }
  };

  const check = (intent: I): boolean => {
    const clientErrors = validate(values, baseline, intent);
    setErrors(clientErrors);
    return Object.keys(clientErrors).length === 0;
  };

  const theirs = merge ? toBaseline(merge.latest).values : null;
  const comparison = merge && theirs ? compare(merge.opened, merge.mine, theirs) : null;

  // The form already holds the merge on top of the latest version (the baseline); save it once every
  // field both changed has a decision.
  const onMergeSave = async (): Promise<boolean> => {
    if (!merge || !comparison || unresolvedFields(comparison, merge.choices).length) return false;
    setSaved(null);
    if (!isDirty(baseline.values, values) && !moves?.(baseline, merge.intent)) {
      reset(merge.latest); // every decision went their way: nothing left to save
      return true;
    }
    if (!check(merge.intent)) return false;
    setMerge(null);
    return saveChecked(baseline, values, merge.intent);
  };

  /** Saves the form (with `intent`, where the record has one); while a merge is open, saves the merge instead. */
  const submit = async (intent: I): Promise<boolean> => {
    if (merge) return onMergeSave();
    setSaved(null);
    if (!check(intent)) return false;
    return saveChecked(baseline, values, intent);
  };

  const onReload = async () => {
    setReloading(true);
    const latest = await fetchLatest();
    setReloading(false);
    if (latest) reset(latest);
    else setErrors({ _form: options.reloadFailed });
  };

  return {
    values,
    errors,
    conflict,
    saved,
    saving: pending !== null,
    pending,
    reloading,
    dirty: isDirty(baseline.values, values),
    baseline,
    /** Open after a conflict on save: what the user opened, their edits and the latest version, compared. */
    merge:
      merge && theirs && comparison
        ? { latest: merge.latest, choices: merge.choices, base: merge.opened, mine: merge.mine, theirs, comparison }
        : null,
    onChange: (v: V) => {
      setValues(v);
      setSaved(null);
    },
    submit,
    onDiscard: () => {
      // A newer version may already be here (the page's, or the one loaded for the merge): discard onto it.
      const newest = merge && merge.latest.version > record.version ? merge.latest : record;
      if (newest.version !== baseline.version) reset(newest);
      else {
        setValues(baseline.values);
        setErrors({});
        setMerge(null);
      }
    },
    /** Decides a field both changed; the form shows the chosen value. */
    onChoose: (field: K, choice: MergeChoice) => {
      if (!merge || !theirs) return;
      setMerge({ ...merge, choices: { ...merge.choices, [field]: choice } });
      setValues((v) => ({ ...v, [field]: (choice === 'theirs' ? theirs : merge.mine)[field] }));
    },
    onMergeSave,
    onReload,
    reset,
    setConflict,
  };
}
