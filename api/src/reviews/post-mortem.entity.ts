/** Persistence shapes of the reviews feature (the API shapes are in post-mortem.model.ts). */

/** An incident's review as the API computes it: the stored row (when one exists) with its incident and the settings. */
export interface PostMortemViewRow {
  incident_id: number;
  /** incident.postmortem_state: the one truth of the state (see the PostMortems migration). */
  state: string;
  /** A review row exists (false: nothing written yet; body shows the template, version 0). */
  saved: boolean;
  body: string | null;
  due_at: Date | null;
  effective_due_at: Date | null;
  published_at: Date | null;
  version: number;
  updated_at: Date | null;
  updated_by: string | null;
  required: boolean;
  overdue: boolean;
  reviewer_ids: number[];
}

/** The stored review, locked for an edit. */
export interface PostMortemRow {
  incident_id: number;
  state: string;
  body: string;
  due_at: Date | null;
  published_at: Date | null;
  version: number;
  reviewer_ids: number[];
}

export interface LoopSettingRow {
  review_severities: string[];
  review_due_days: number;
  repeat_window_days: number;
  version: number;
  updated_at: Date;
}

/** The review-completion numbers of one metrics scope. */
export interface ReviewCompletionRow {
  required: number;
  published: number;
  published_on_time: number;
  overdue: number;
  median_days_to_publish: number | null;
  /** The earliest effective due date still ahead among the unpublished ones: when `overdue` next changes with no write. */
  next_due_at: Date | null;
}
