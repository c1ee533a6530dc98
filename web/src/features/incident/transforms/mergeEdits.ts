export type MergeChoice = 'mine' | 'theirs';

/** How the user's edits and someone else's saved changes relate, field by field, to what the user opened. */
export interface EditComparison<K extends string> {
  /** Changed only by the user: kept automatically. */
  mine: K[];
  /** Changed only by the other person: their value stays. */
  theirs: K[];
  /** Changed by both, to different values: the user picks one. */
  conflicts: K[];
}

/**
 * Three-way comparison of one record. `changed(a, b)` names the fields whose values differ between a
 * and b (by the same rules a save uses, so "changed" here means "would be sent"). Fields both sides
 * changed to the same value are neither conflicts nor anyone's pending edit.
 */
export function compareEdits<T, K extends string>(
  fields: readonly K[],
  changed: (a: T, b: T) => readonly K[],
  base: T,
  mine: T,
  theirs: T,
): EditComparison<K> {
  const byMe = new Set(changed(base, mine));
  const byThem = new Set(changed(base, theirs));
  const differ = new Set(changed(theirs, mine));
  const out: EditComparison<K> = { mine: [], theirs: [], conflicts: [] };
  for (const f of fields) {
    if (byMe.has(f) && byThem.has(f)) {
      if (differ.has(f)) out.conflicts.push(f);
    } else if (byMe.has(f)) out.mine.push(f);
    else if (byThem.has(f)) out.theirs.push(f);
  }
  return out;
}

/** Conflicting fields the user has not decided yet. */
export function unresolvedFields<K extends string>(comparison: EditComparison<K>, choices: Partial<Record<K, MergeChoice>>): K[] {
  return comparison.conflicts.filter((f) => !choices[f]);
}

/**
 * Their version with the user's edits on top: every field only the user changed, and each conflicting
 * field the user chose to keep (an undecided conflict keeps theirs, so nothing of theirs is lost by default).
 */
export function mergeEdits<T extends object, K extends keyof T & string>(
  comparison: EditComparison<K>,
  mine: T,
  theirs: T,
  choices: Partial<Record<K, MergeChoice>>,
): T {
  const merged = { ...theirs };
  for (const f of comparison.mine) merged[f] = mine[f];
  for (const f of comparison.conflicts) if (choices[f] === 'mine') merged[f] = mine[f];
  return merged;
}
