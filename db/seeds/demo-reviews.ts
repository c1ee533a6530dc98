/**
 * The demo's reviews (post-mortems, SPEC §6): when each one is published, and its Markdown, written on the
 * review template from what the generator knows about the incident. Draws come from their own stream
 * (`Random`), so reviews never shift the incidents, causes and action items the main stream draws.
 */
import { POST_MORTEM_SECTIONS } from '../../api/src/reviews/post-mortem.template';
import { Random } from './random';

export type ReviewState = 'NONE' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Share of required reviews that will be published by their due date, by days since the incident was resolved:
 * 45 % two years ago, 55 % a year ago, 70 % now. What the metrics show for a recent period is higher (about 80 %
 * over the last quarter): a review published on time counts at once, a late one only once it is published.
 */
export function onTimeOdds(ageDays: number): number {
  const a = Math.min(Math.max(ageDays, 0), 730);
  return a >= 365 ? 0.55 - (0.1 * (a - 365)) / 365 : 0.65 - (0.1 * a) / 365;
}

/** Required reviews never published (the team moved on); reviews nobody requires are dropped more often. */
const ABANDONED_REQUIRED = 0.1;
const ABANDONED_OPTIONAL = 0.12;
/** Days past the due date a late review takes, median (log-normal): late ones often wait a month or two. */
const LATE_MEDIAN_DAYS = 60;

export interface ReviewPlan {
  state: Exclude<ReviewState, 'NONE'>;
  publishedAt: number | null;
  updatedAt: number;
  version: number;
}

/**
 * Plans the demo's reviews, in the incidents' start order, on its own random stream. Whether a required review is
 * on time, late or abandoned is systematic sampling (an accumulator of the odds with a random phase, not a coin per
 * review), so any stretch of a few required reviews has about the intended shares: a small data set (a quarter of
 * the 400-incident demo has 5 to 10) tells the same story whatever the seed.
 */
export class ReviewPlanner {
  private onTimeDue: number;
  private abandonDue: number;

  constructor(
    private readonly rng: Random,
    private readonly dueDays: number,
  ) {
    this.onTimeDue = rng.next();
    this.abandonDue = rng.next();
  }

  /**
   * When the review of a resolved incident is published, and so its state now. A `required` review (a counted
   * incident of the review severities) is due `dueDays` after `resolvedAt`: on time it takes a right-skewed
   * 0.25 days to the due date (median about 2), late ones the due date + a log-normal number of days (median
   * LATE_MEDIAN_DAYS). One whose day has not come yet, or that was abandoned, is IN_REVIEW or DRAFT. Optional
   * reviews take a log-normal 6 days (median).
   */
  plan(required: boolean, resolvedAt: number, nowMs: number): ReviewPlan {
    const rng = this.rng;
    const ageDays = (nowMs - resolvedAt) / DAY;
    let onTime = false;
    let abandoned: boolean;
    if (required) {
      this.onTimeDue += onTimeOdds(ageDays);
      if ((onTime = this.onTimeDue >= 1)) this.onTimeDue -= 1;
      this.abandonDue += ABANDONED_REQUIRED;
      if ((abandoned = this.abandonDue >= 1)) this.abandonDue -= 1;
    } else abandoned = rng.chance(ABANDONED_OPTIONAL);
    const spread = rng.logNormal(1, 0.8);
    const quick = Math.min(Math.max(2.1 * spread ** 0.65, 0.25), Math.max(0.25, this.dueDays - 0.05));
    const late = this.dueDays + Math.min(Math.max(LATE_MEDIAN_DAYS * spread ** 0.8, 1), 240);
    const days = !required ? Math.min(Math.max(6 * spread, 0.25), 200) : onTime ? quick : late;
    const publishAt = resolvedAt + Math.round(days * DAY);
    const inReview = rng.chance(0.6);
    const edits = rng.int(0, 4);
    const touched = rng.between(0.2, 1);
    if (!abandoned && publishAt <= nowMs) return { state: 'PUBLISHED', publishedAt: publishAt, updatedAt: publishAt, version: 2 + edits };
    return {
      state: ageDays > 2 && inReview ? 'IN_REVIEW' : 'DRAFT',
      publishedAt: null,
      updatedAt: resolvedAt + Math.floor((nowMs - resolvedAt) * touched),
      version: 1 + edits,
    };
  }

  /** The review of an incident still under way: a draft started since acknowledgement. */
  planOngoing(acknowledgedAt: number, nowMs: number): ReviewPlan {
    return {
      state: 'DRAFT',
      publishedAt: null,
      updatedAt: acknowledgedAt + Math.floor((nowMs - acknowledgedAt) * this.rng.next()),
      version: 1,
    };
  }

  /** Reviewers: one or two of the users (none when there are none), with the same draws whatever their number. */
  reviewers(users: readonly number[]): number[] {
    const two = this.rng.chance(0.35);
    const first = this.rng.next();
    const second = this.rng.next();
    if (users.length === 0) return [];
    const a = Math.floor(first * users.length);
    if (!two || users.length === 1) return [users[a]];
    let b = Math.floor(second * (users.length - 1));
    if (b >= a) b++;
    return [users[a], users[b]];
  }

  body(facts: ReviewFacts, state: Exclude<ReviewState, 'NONE'>): string {
    return reviewBody(this.rng, facts, state);
  }
}

/** What the generator knows about an incident, for its review. Times in ms. */
export interface ReviewFacts {
  summary: string;
  impact: string;
  team: string;
  cause: string | null;
  explanation: string | null;
  contributing: string[];
  detection: string;
  detectionMessage: string;
  mitigation: string | null;
  startedAt: number;
  detectedAt: number;
  acknowledgedAt: number;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  assessments: Array<{ outcome: string; note: string }>;
  actions: Array<{ title: string; type: string; status: string }>;
}

const DETECTION_LABELS: Record<string, string> = {
  MONITORING: 'Monitoring',
  CUSTOMER_REPORT: 'Customer reports',
  SOCIAL_MEDIA: 'Social media',
  INTERNAL_REPORT: 'An internal report',
  THIRD_PARTY: 'A third party',
  OTHER: 'Someone outside the usual channels',
};
const LUCKY = [
  'It happened outside the evening viewing peak.',
  'No live event or premiere was running at the time.',
  'The on-call engineer had worked on this code path the week before.',
  'Another region had spare capacity to absorb the traffic.',
  'Nothing; we were not lucky this time.',
];
const WENT_WRONG = [
  'The runbook did not cover this failure mode.',
  'Dashboards showed the symptom but not where it came from.',
  'The first mitigation we tried did not help.',
  'It took a while to find who owned the failing component.',
];

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** "45 min", "3 h 5 min", "2 days 4 h". */
export function formatMinutes(totalMinutes: number): string {
  const m = Math.max(0, Math.round(totalMinutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const hours = Math.floor((m % (24 * 60)) / 60);
  return `${Math.floor(m / (24 * 60))} days${hours ? ` ${hours} h` : ''}`;
}

/**
 * The review in Markdown, on the review template's sections (POST_MORTEM_SECTIONS): a draft has its first three
 * written and the other prompts still in place; a review in review or published has every section, a few lines each.
 */
function reviewBody(rng: Random, f: ReviewFacts, state: Exclude<ReviewState, 'NONE'>): string {
  const lucky = rng.pick(LUCKY);
  const wrong = rng.pick(WENT_WRONG);
  const end = f.mitigatedAt ?? f.resolvedAt;
  const minutesBetween = (a: number, b: number) => (b - a) / MINUTE;

  const timeline = [`- ${stamp(f.startedAt)} Impact began`, `- ${stamp(f.detectedAt)} ${f.detectionMessage}`];
  timeline.push(`- ${stamp(f.acknowledgedAt)} ${f.team} on-call acknowledged the page`);
  if (f.mitigatedAt !== null) timeline.push(`- ${stamp(f.mitigatedAt)} Mitigated: ${f.mitigation ?? 'impact mitigated'}`);
  if (f.resolvedAt !== null) timeline.push(`- ${stamp(f.resolvedAt)} Resolved`);

  const wentWell = f.assessments.filter((a) => a.outcome === 'WORKED' || a.outcome === 'PARTIAL').map((a) => a.note);
  const wentBadly = f.assessments.filter((a) => a.outcome === 'FAILED' || a.outcome === 'MISSING').map((a) => a.note);
  const detectMinutes = minutesBetween(f.startedAt, f.detectedAt);
  const text: Record<string, string> = {
    Summary: f.summary,
    Impact:
      end === null
        ? `${f.impact} Impact is ongoing.`
        : `${f.impact} Impact lasted ${formatMinutes(minutesBetween(f.startedAt, end))} (UTC ${stamp(f.startedAt)} to ${stamp(end)}).`,
    Timeline: `All times UTC.\n\n${timeline.join('\n')}`,
    'Root causes and trigger': f.cause
      ? `Primary cause: **${f.cause}**. ${f.explanation ?? ''}${f.contributing.length ? ` Contributing: ${f.contributing.join(', ')}.` : ''}`.trim()
      : 'Not established yet; see the follow-ups.',
    Detection:
      `${DETECTION_LABELS[f.detection] ?? 'We'} told us after ${formatMinutes(detectMinutes)}.` +
      (f.detection === 'MONITORING' ? ' The alert fired as designed.' : ' Monitoring did not catch it; an alert is a follow-up.'),
    'What went well':
      wentWell.length > 0
        ? wentWell.join(' ')
        : `${f.team} on-call acknowledged ${formatMinutes(minutesBetween(f.detectedAt, f.acknowledgedAt))} after detection.`,
    'What went wrong': [...wentBadly, wrong].join(' '),
    'Where we got lucky': lucky,
    'Follow-ups':
      f.actions.length > 0
        ? f.actions.map((a) => `- ${a.title} (${a.type.toLowerCase()}, ${a.status.toLowerCase()})`).join('\n')
        : 'None beyond this review.',
  };
  const written = state === 'DRAFT' ? 3 : POST_MORTEM_SECTIONS.length;
  return POST_MORTEM_SECTIONS.map(([heading, prompt], k) => `## ${heading}\n\n${k < written ? text[heading] : `_${prompt}_`}\n`).join('\n');
}
