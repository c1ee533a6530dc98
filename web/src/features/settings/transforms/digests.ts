import type { CombinedError } from '@urql/core';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { CreateDigestInput, DigestChannel, DigestDeliveryStatus, DigestSchedule, DigestTrigger, Severity } from '../../../gql/graphql';

/** The dimensions of a digest's filter, as the API returns them (null or empty: not filtered). */
export interface DigestFilterLike {
  teamIds?: readonly string[] | null;
  serviceIds?: readonly string[] | null;
  severities?: readonly Severity[] | null;
  rootCauseIds?: readonly string[] | null;
  sourceIds?: readonly string[] | null;
  confirmedOnly?: boolean | null;
}

/** What names the ids of a filter: the filter options (teams, services, causes) and, for admins, the sources. */
export interface FilterNames {
  teams: readonly { id: string; name: string }[];
  /** A service's team narrows the service list to the teams picked. */
  services: readonly { id: string; name: string; team?: { id: string } | null }[];
  rootCauses: readonly { id: string; name: string; retired?: boolean; parent?: { id: string; name: string } | null }[];
  sources: readonly { id: string; name: string }[];
}

export const scheduleChoices: readonly { value: DigestSchedule; label: string }[] = [
  { value: 'WEEKLY', label: 'Weekly' },
  { value: 'MONTHLY', label: 'Monthly' },
  { value: 'QUARTERLY', label: 'Quarterly' },
];

export const channelChoices: readonly { value: DigestChannel; label: string }[] = [
  { value: 'EMAIL', label: 'Email' },
  { value: 'WEBHOOK', label: 'Webhook' },
];

/** The schedule in words, with the period each sending covers (as the API's DigestSchedule describes it). */
export const scheduleLabels: Record<DigestSchedule, string> = {
  WEEKLY: 'Weekly (Mondays, the week before)',
  MONTHLY: 'Monthly (the 1st, the month before)',
  QUARTERLY: 'Quarterly (the quarter before)',
};

export const channelLabels: Record<DigestChannel, string> = { EMAIL: 'Email', WEBHOOK: 'Webhook' };

export const triggerLabels: Record<DigestTrigger, string> = { SCHEDULE: 'Schedule', MANUAL: 'Send now' };

/** The target field's label, hint and example, per channel. */
export const targetFields: Record<DigestChannel, { label: string; hint: string; placeholder: string; inputMode: 'email' | 'url' }> = {
  EMAIL: {
    label: 'Email addresses',
    hint: 'One or more addresses separated by commas (at most 50). The period’s report PDF is attached.',
    placeholder: 'leads@example.com, sre@example.com',
    inputMode: 'email',
  },
  WEBHOOK: {
    label: 'Webhook URL',
    hint: 'An https URL (e.g. a Slack incoming webhook) without a user or password; a Slack-compatible JSON message is posted to it.',
    placeholder: 'https://hooks.slack.com/services/…',
    inputMode: 'url',
  },
};

export type StatusTone = 'pending' | 'warning' | 'good' | 'bad';

/** A delivery's status as the badge shows it: its word, and the tone (colour) it is drawn in. */
export const deliveryStatus: Record<DigestDeliveryStatus, { label: string; tone: StatusTone }> = {
  QUEUED: { label: 'Queued', tone: 'pending' },
  RETRYING: { label: 'Retrying', tone: 'warning' },
  SENT: { label: 'Sent', tone: 'good' },
  FAILED: { label: 'Failed', tone: 'bad' },
};

/** Whether a delivery has ended (nothing more will happen to it). */
export const isDeliveryDone = (status: DigestDeliveryStatus | null | undefined): boolean => status === 'SENT' || status === 'FAILED';

/** "A, B and C" — a list in words. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function names(ids: readonly string[] | null | undefined, known: readonly { id: string; name: string }[], noun: string): string[] {
  // An id no longer known (a deleted team or service) still shows, so the summary never hides a dimension.
  return (ids ?? []).map((id) => known.find((k) => k.id === id)?.name ?? `${noun} #${id}`);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * A digest's filter in words, one part per dimension: "Teams Payments and Search · SEV1 and SEV2 · services Checkout".
 * No dimension: "All incidents". Causes named as "Category › Cause" when they sit under a category.
 */
export function filterSummary(filter: DigestFilterLike | null | undefined, known: FilterNames): string {
  const f = filter ?? {};
  const causes = (f.rootCauseIds ?? []).map((id) => {
    const c = known.rootCauses.find((k) => k.id === id);
    if (!c) return `cause #${id}`;
    return c.parent ? `${c.parent.name} › ${c.name}` : `${c.name} (whole category)`;
  });
  const parts: string[] = [];
  const teams = names(f.teamIds, known.teams, 'team');
  if (teams.length) parts.push(`${plural(teams.length, 'Team', 'Teams')} ${joinWords(teams)}`);
  const services = names(f.serviceIds, known.services, 'service');
  if (services.length) parts.push(`${plural(services.length, 'Service', 'Services')} ${joinWords(services)}`);
  if (f.severities?.length) parts.push(joinWords([...f.severities].sort()));
  if (causes.length) parts.push(`${plural(causes.length, 'Cause', 'Causes')} ${joinWords(causes)}`);
  const sources = names(f.sourceIds, known.sources, 'source');
  if (sources.length) parts.push(`${plural(sources.length, 'Source', 'Sources')} ${joinWords(sources)}`);
  if (f.confirmedOnly) parts.push('Confirmed causes only');
  return parts.length ? parts.join(' · ') : 'All incidents';
}

const day = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * The period a delivery covers, in UTC days, its end inclusive: periods start and end at UTC midnight and `periodTo`
 * is exclusive, so [1 Nov, 1 Dec) reads "01 Nov 2026 – 30 Nov 2026".
 */
export function periodText(from: string, to: string): string {
  const a = new Date(from);
  const b = new Date(new Date(to).getTime() - 1);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return '—';
  const first = day.format(a);
  const last = day.format(b);
  return first === last ? first : `${first} – ${last}`;
}

/** What the create form holds. */
export interface DigestFormValues {
  name: string;
  schedule: DigestSchedule;
  channel: DigestChannel;
  target: string;
  teamIds: string[];
  serviceIds: string[];
  severities: Severity[];
  rootCauseIds: string[];
  sourceIds: string[];
}

export const emptyDigestForm = (): DigestFormValues => ({
  name: '',
  schedule: 'WEEKLY',
  channel: 'EMAIL',
  target: '',
  teamIds: [],
  serviceIds: [],
  severities: [],
  rootCauseIds: [],
  sourceIds: [],
});

/** The form as createDigest's input: text trimmed, only the dimensions picked (no from/to: the schedule sets the period). */
export function toCreateDigestInput(v: DigestFormValues): CreateDigestInput {
  const filter: NonNullable<CreateDigestInput['filter']> = {};
  if (v.teamIds.length) filter.teamIds = v.teamIds;
  if (v.serviceIds.length) filter.serviceIds = v.serviceIds;
  if (v.severities.length) filter.severities = v.severities;
  if (v.rootCauseIds.length) filter.rootCauseIds = v.rootCauseIds;
  if (v.sourceIds.length) filter.sourceIds = v.sourceIds;
  return {
    name: v.name.trim(),
    schedule: v.schedule,
    channel: v.channel,
    target: v.target.trim(),
    ...(Object.keys(filter).length ? { filter } : {}),
  };
}

/** What is plainly missing before asking the server (which checks addresses and URLs and names the field it refuses). */
export function validateDigestForm(v: DigestFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.name.trim()) out.name = 'Give the digest a name.';
  if (!v.target.trim()) out.target = v.channel === 'EMAIL' ? 'Enter at least one email address.' : 'Enter the URL to post to.';
  return out;
}

/**
 * A server error's field path as the form field that shows it: "input.target" → target, "filter.teamIds" → teamIds,
 * "input.filter.from" → filter (the form has no period; such an error is about the filter as a whole).
 */
export function toDigestFormField(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'input' && !/^\d+$/.test(p));
  if (parts[0] === 'filter') return parts[1] && parts[1] !== 'from' && parts[1] !== 'to' ? parts[1] : 'filter';
  return parts[0] ?? path;
}

/** A failed createDigest as messages by form field (BAD_USER_INPUT names them); anything else under `_form`. */
export function digestFieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const e of error.graphQLErrors) {
    const fields = e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.fields) ? e.extensions.fields.map(String) : [];
    for (const f of fields) {
      const key = toDigestFormField(f);
      if (!out[key]) out[key] = e.message;
    }
  }
  if (Object.keys(out).length === 0) out._form = errorMessage(error);
  return out;
}

/** How long "Send now" keeps looking for the outcome, and how often. */
export const SEND_POLL_MS = 2000;
export const SEND_POLL_LIMIT_MS = 60_000;
