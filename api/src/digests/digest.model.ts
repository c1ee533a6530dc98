import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Severity } from '../incidents/incident.enums';
import type { DigestScheduleName } from './digest-schedule';

export enum DigestSchedule {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
}
registerEnumType(DigestSchedule, {
  name: 'DigestSchedule',
  description:
    'How often a digest is sent, and the period it covers: WEEKLY (Monday 08:00 UTC, the previous Monday–Monday), MONTHLY (the 1st 08:00 UTC, the previous calendar month), QUARTERLY (1 January, April, July, October 08:00 UTC, the previous quarter).',
});

export enum DigestChannel {
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
}
registerEnumType(DigestChannel, {
  name: 'DigestChannel',
  description:
    'EMAIL (through the server’s SMTP server, HINDSIGHT_SMTP_URL; the period’s report PDF attached) or WEBHOOK (a Slack-compatible JSON message POSTed to the target URL).',
});

export enum DigestDeliveryStatus {
  QUEUED = 'QUEUED',
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(DigestDeliveryStatus, {
  name: 'DigestDeliveryStatus',
  description:
    'QUEUED (waiting for a worker), RETRYING (an attempt failed; it is tried again), SENT, FAILED (every attempt failed, or it cannot succeed: see error).',
});

export enum DigestTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}
registerEnumType(DigestTrigger, { name: 'DigestTrigger', description: 'SCHEDULE (the digest’s schedule) or MANUAL (sendDigest).' });

/** The dimensions of a digest's metrics filter, as stored (ids as strings, like the input). */
export interface DigestFilterJson {
  serviceIds?: string[] | null;
  teamIds?: string[] | null;
  sourceIds?: string[] | null;
  severities?: Severity[] | null;
  rootCauseIds?: string[] | null;
  confirmedOnly?: boolean | null;
}

/** A row of `digest`. */
export interface DigestRow {
  id: number;
  name: string;
  schedule: DigestScheduleName;
  channel: DigestChannel;
  /** EMAIL: the addresses. WEBHOOK: the URL masked (maskWebhookUrl), or the plain URL in a row not sealed yet. */
  target: string;
  /** WEBHOOK: the URL sealed with SecretBox; null for EMAIL, and for a WEBHOOK row written before it was sealed. */
  target_sealed: string | null;
  filter: DigestFilterJson;
  created_by: number;
  created_at: Date;
  next_run_at: Date;
}

/** A row of `digest_delivery`. */
export interface DigestDeliveryRow {
  id: number;
  digest_id: number;
  trigger: DigestTrigger;
  status: DigestDeliveryStatus;
  attempt: number;
  error: string | null;
  period_from: Date;
  period_to: Date;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

@ObjectType({ description: 'The metrics filter of a digest, as given (its period is the digest’s own).' })
export class DigestFilter {
  @Field(() => [ID], { nullable: true, description: 'Incidents affecting any of these services.' })
  serviceIds: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Incidents owned by any of these teams.' })
  teamIds: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Incidents synced from any of these sources.' })
  sourceIds: string[] | null;

  @Field(() => [Severity], { nullable: true, description: 'Incidents of these severities.' })
  severities: Severity[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Incidents whose primary cause is one of these nodes, or a cause under one of these categories.',
  })
  rootCauseIds: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Count only CONFIRMED cause tags as causes.' })
  confirmedOnly: boolean | null;
}

@ObjectType({ description: 'The review sent on a schedule by email or webhook (SPEC §6). Admins only.' })
export class Digest {
  @Field(() => ID, { description: 'Digest id.' })
  id: string;

  @Field({ description: 'Its name (the email subject and message title start with it).' })
  name: string;

  @Field(() => DigestSchedule, { description: 'How often it is sent, and which period it covers.' })
  schedule: DigestSchedule;

  @Field(() => DigestChannel, { description: 'How it is sent.' })
  channel: DigestChannel;

  @Field({
    description:
      'EMAIL: the addresses, separated by commas. WEBHOOK: the URL posted to, masked, since it is a secret (anyone who has it can post): its scheme and host, then "…" and its last 4 characters (e.g. "https://hooks.slack.com/…x9Qz"); the full URL is never returned.',
  })
  target: string;

  @Field(() => DigestFilter, { description: 'The dimensions of the metrics it reports (services, teams, severities, …), as given.' })
  filter: DigestFilter;

  /** Resolved by DigestsResolver.createdBy. */
  createdById: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the schedule sends it next (08:00 UTC on the first day of the next period).' })
  nextRunAt: Date;
}

@ObjectType({ description: 'One sending of a digest for one period, with its outcome.' })
export class DigestDelivery {
  @Field(() => ID, { description: 'Delivery id.' })
  id: string;

  /** Resolved by DigestDeliveryResolver.digest. */
  digestId: number;

  @Field(() => DigestTrigger, { description: 'Why it was sent: its schedule or sendDigest.' })
  trigger: DigestTrigger;

  @Field(() => DigestDeliveryStatus, { description: 'Where it stands.' })
  status: DigestDeliveryStatus;

  @Field(() => Int, { description: 'The attempt it is at or ended with (1 = the first); 0 while queued.' })
  attempt: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (SMTP reply, HTTP status); never a password or secret. Null when it was sent.',
  })
  error: string | null;

  @Field(() => GraphQLISODateTime, { description: 'The start of the period it covers (inclusive).' })
  periodFrom: Date;

  @Field(() => GraphQLISODateTime, { description: 'The end of the period it covers (exclusive).' })
  periodTo: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was queued.' })
  queuedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its first attempt started.' })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ended SENT or FAILED.' })
  finishedAt: Date | null;
}

/** How many characters after the host a URL must have before its last 4 are shown (fewer would give much of it away). */
const MASK_MIN_TAIL = 16;

/**
 * A webhook URL as the API shows it: scheme and host (with the port), then "…" and the last 4 characters of the rest
 * when the rest is long enough that they give little away: `https://hooks.slack.com/…x9Qz`.
 */
export function maskWebhookUrl(url: string): string {
  const u = URL.parse(url);
  if (!u) return '…';
  const origin = `${u.protocol}//${u.host}`;
  const rest = u.pathname === '/' && !u.search && !u.hash ? '' : `${u.pathname}${u.search}${u.hash}`;
  return rest.length >= MASK_MIN_TAIL ? `${origin}/…${rest.slice(-4)}` : `${origin}/…`;
}

/** What `target` shows: the addresses, or the masked URL (a row not sealed yet holds the plain URL: masked here). */
export const shownTarget = (r: DigestRow) =>
  r.channel === DigestChannel.WEBHOOK && r.target_sealed === null ? maskWebhookUrl(r.target) : r.target;

const list = (xs: Array<string | number> | null | undefined) => (xs && xs.length ? xs.map(String) : null);

export const toDigest = (r: DigestRow): Digest => ({
  id: String(r.id),
  name: r.name,
  schedule: r.schedule as DigestSchedule,
  channel: r.channel,
  target: shownTarget(r),
  filter: {
    serviceIds: list(r.filter.serviceIds),
    teamIds: list(r.filter.teamIds),
    sourceIds: list(r.filter.sourceIds),
    severities: r.filter.severities?.length ? r.filter.severities : null,
    rootCauseIds: list(r.filter.rootCauseIds),
    confirmedOnly: r.filter.confirmedOnly ?? null,
  },
  createdById: r.created_by,
  createdAt: r.created_at,
  nextRunAt: r.next_run_at,
});

export const toDelivery = (r: DigestDeliveryRow): DigestDelivery => ({
  id: String(r.id),
  digestId: r.digest_id,
  trigger: r.trigger,
  status: r.status,
  attempt: r.attempt,
  error: r.error,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  queuedAt: r.queued_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});
