/**
 * The fictional streaming company behind the demo data: its teams, services, and how each root
 * cause of the default taxonomy tends to look (titles, mitigation, the redundancy it tests).
 * Names of causes and mechanisms are those of db/migrations/1764547200001-DefaultTaxonomy.ts; the
 * generator looks them up by name and quietly skips any an admin has renamed or retired.
 */

export const DEMO_TEAMS = ['Playback', 'Identity', 'Discovery', 'Commerce', 'Edge'] as const;

export interface DemoService {
  name: string;
  team: (typeof DEMO_TEAMS)[number];
  slo: number;
  description: string;
  /** Relative share of incidents. */
  weight: number;
  /** Multiplies the base odds of SEV1/SEV2 and divides the time to acknowledge: user-facing core paths page harder. */
  criticality: number;
  /**
   * Median minutes from acknowledgement to mitigation of a SEV3 here: short where the team has practised
   * failover and rollback (the tier-0 services), longer where a degraded service can wait for a fix.
   */
  mitigationMinutes: number;
  /** Redundancy mechanisms the service declares (service_redundancy). */
  redundancy: string[];
  /** Causes this service suffers more often than the base rate (multiplier). */
  causeAffinity: Record<string, number>;
  /** Services an incident here often drags along. */
  neighbours: string[];
  symptoms: string[];
  /** What users saw, completing "About N % of users ...". */
  impact: string;
}

export const DEMO_SERVICES: DemoService[] = [
  {
    name: 'Playback API',
    team: 'Playback',
    slo: 99.9,
    description: 'Starts playback sessions: entitlement, DRM licences and manifest URLs.',
    weight: 5,
    criticality: 1.6,
    mitigationMinutes: 4,
    redundancy: ['Multi-region', 'Multi-zone', 'Load-balanced pool', 'Graceful degradation / circuit breaker', 'Rollback / kill switch'],
    causeAffinity: { 'Capacity / overload': 1.5, 'Traffic spike': 2, 'Deployment / release': 1.3 },
    neighbours: ['CDN Edge', 'Login / Auth', 'Catalog', 'Web Frontend'],
    symptoms: ['playback start failures', 'elevated 5xx on /play', 'DRM licence errors', 'slow video start'],
    impact: 'could not start playback',
  },
  {
    name: 'Live Streaming',
    team: 'Playback',
    slo: 99.9,
    description: 'Ingest, transcoding and packaging of live events.',
    weight: 5,
    criticality: 1.5,
    mitigationMinutes: 5,
    redundancy: ['Multi-zone', 'Load-balanced pool', 'Multi-CDN'],
    causeAffinity: { 'Traffic spike': 3, 'Capacity / overload': 2, 'Hardware / power / facilities': 2 },
    neighbours: ['CDN Edge', 'Playback API'],
    symptoms: ['stalled live streams', 'transcoder backlog', 'live manifest errors', 'audio/video drift on live events'],
    impact: 'saw stalled or missing live streams',
  },
  {
    name: 'Login / Auth',
    team: 'Identity',
    slo: 99.95,
    description: 'Sign-in, sessions and tokens for every client.',
    weight: 3,
    criticality: 1.7,
    mitigationMinutes: 3,
    redundancy: ['Multi-region', 'Database replica / failover', 'Load-balanced pool', 'Rollback / kill switch'],
    causeAffinity: { 'Abuse / credential stuffing': 4, 'Certificate or credential expiry': 3, 'Data / database': 1.5 },
    neighbours: ['Payments', 'Playback API', 'Web Frontend'],
    symptoms: ['login failures', 'token refresh errors', 'elevated sign-in latency', 'session drops'],
    impact: 'could not sign in',
  },
  {
    name: 'Notifications',
    team: 'Identity',
    slo: 99.5,
    description: 'Push, e-mail and in-app messages.',
    weight: 12,
    criticality: 0.4,
    mitigationMinutes: 15,
    redundancy: ['Queue buffering', 'Multi-zone'],
    causeAffinity: { 'Dependency / third party': 3, 'Resource exhaustion': 1.5, 'Replication lag': 1.5 },
    neighbours: ['Login / Auth', 'Recommendations'],
    symptoms: ['delayed push notifications', 'duplicate e-mails', 'notification queue backlog'],
    impact: 'received delayed or duplicate notifications',
  },
  {
    name: 'Search',
    team: 'Discovery',
    slo: 99.5,
    description: 'Title, person and genre search with autocomplete.',
    weight: 12,
    criticality: 0.9,
    mitigationMinutes: 12,
    redundancy: ['Multi-zone', 'Load-balanced pool', 'Graceful degradation / circuit breaker'],
    causeAffinity: { 'Memory leak': 2.5, 'Resource exhaustion': 2, 'Data corruption': 1.5 },
    neighbours: ['Recommendations'],
    symptoms: ['search timeouts', 'empty search results', 'stale search index', 'autocomplete errors'],
    impact: 'got empty or very slow search results',
  },
  {
    name: 'Recommendations',
    team: 'Discovery',
    slo: 99.5,
    description: 'Personalised rows on the home screen.',
    weight: 13,
    criticality: 0.4,
    mitigationMinutes: 14,
    redundancy: ['Graceful degradation / circuit breaker', 'Multi-zone'],
    causeAffinity: { 'Software bug': 1.5, 'Data / database': 1.5, 'Internal dependency': 2, 'Memory leak': 1.5 },
    neighbours: ['Search', 'Notifications'],
    symptoms: ['generic home rows', 'model serving timeouts', 'stale recommendations'],
    impact: 'saw generic instead of personalised rows',
  },
  {
    name: 'Catalog',
    team: 'Discovery',
    slo: 99.9,
    description: 'Titles, artwork, metadata and availability windows.',
    weight: 5,
    criticality: 1.1,
    mitigationMinutes: 5,
    redundancy: ['Database replica / failover', 'Backup & restore', 'Multi-zone'],
    causeAffinity: { 'Schema migration': 3, 'Data corruption': 2.5, 'Data / database': 2, 'Replication lag': 2 },
    neighbours: ['Search', 'Playback API', 'Recommendations'],
    symptoms: ['missing artwork', 'titles missing from the catalogue', 'catalog API errors', 'wrong availability windows'],
    impact: 'saw missing titles or artwork',
  },
  {
    name: 'Playlists',
    team: 'Discovery',
    slo: 99.5,
    description: 'My List, watch history and user playlists.',
    weight: 12,
    criticality: 0.6,
    mitigationMinutes: 12,
    redundancy: ['Database replica / failover', 'Backup & restore', 'Multi-zone'],
    causeAffinity: { 'Data / database': 2, 'Replication lag': 2.5, 'Race condition': 2 },
    neighbours: ['Recommendations'],
    symptoms: ['playlist save failures', 'watch history not updating', 'My List errors'],
    impact: 'could not load or edit their playlists',
  },
  {
    name: 'Payments',
    team: 'Commerce',
    slo: 99.95,
    description: 'Subscriptions, renewals and the payment provider integration.',
    weight: 3,
    criticality: 1.6,
    mitigationMinutes: 3,
    redundancy: ['Database replica / failover', 'Queue buffering', 'Multi-zone', 'Rollback / kill switch'],
    causeAffinity: { 'Dependency / third party': 3.5, 'Certificate or credential expiry': 2, 'Race condition': 1.5 },
    neighbours: ['Login / Auth', 'Web Frontend'],
    symptoms: ['failed card payments', 'renewal job failures', 'checkout errors', 'double charges'],
    impact: 'saw failed payments or subscription renewals',
  },
  {
    name: 'Ads',
    team: 'Commerce',
    slo: 99.5,
    description: 'Ad decisioning and insertion for the ad-supported plan.',
    weight: 12,
    criticality: 0.5,
    mitigationMinutes: 15,
    redundancy: ['Graceful degradation / circuit breaker', 'Load-balanced pool'],
    causeAffinity: { 'Dependency / third party': 2.5, 'Feature flag change': 2, 'Configuration change': 1.5 },
    neighbours: ['Playback API', 'Live Streaming'],
    symptoms: ['ad break failures', 'ad decision timeouts', 'blank ad slots'],
    impact: 'were served broken or no ads',
  },
  {
    name: 'CDN Edge',
    team: 'Edge',
    slo: 99.95,
    description: 'Edge caches and origin shield for video segments and images.',
    weight: 3,
    criticality: 1.4,
    mitigationMinutes: 3,
    redundancy: ['Multi-CDN', 'Secondary DNS provider', 'Multi-region'],
    causeAffinity: { CDN: 5, DNS: 3, 'Security / DDoS': 3, 'Network / routing': 2.5, 'Load balancer': 1.5 },
    neighbours: ['Playback API', 'Live Streaming', 'Web Frontend'],
    symptoms: ['rebuffering', 'segment 5xx at the edge', 'low cache hit ratio', 'slow image loads'],
    impact: 'saw buffering and slow loads',
  },
  {
    name: 'Web Frontend',
    team: 'Edge',
    slo: 99.9,
    description: 'The browser app and its backend-for-frontend.',
    weight: 5,
    criticality: 1,
    mitigationMinutes: 4,
    redundancy: ['Load-balanced pool', 'Rollback / kill switch', 'Multi-CDN'],
    causeAffinity: { 'Deployment / release': 2, 'Feature flag change': 2, 'Certificate or credential expiry': 1.5 },
    neighbours: ['CDN Edge', 'Login / Auth', 'Playback API'],
    symptoms: ['blank page on load', 'JavaScript errors on the home page', 'BFF 5xx', 'broken checkout page'],
    impact: 'could not load the web app',
  },
];

export interface CauseProfile {
  /** A leaf cause of the default taxonomy. */
  cause: string;
  /** Base share of primary causes. */
  weight: number;
  /** Mechanisms a post-mortem of this cause typically assesses. */
  mechanisms: string[];
  /** Title templates: {svc} service, {symptom} a symptom of that service, {ver} a release. */
  titles: string[];
  /** One sentence for the summary. */
  explanation: string;
  mitigation: string;
  /** A prevention action item. */
  prevention: string;
  /** Share of these incidents kept private (security matters). */
  privateShare?: number;
  /** Detection skews away from monitoring. */
  poorlyDetected?: boolean;
  /** Only these services suffer it (default: any). */
  services?: string[];
}

export const CAUSE_PROFILES: CauseProfile[] = [
  {
    cause: 'Deployment / release',
    weight: 18,
    mechanisms: ['Rollback / kill switch', 'Load-balanced pool'],
    titles: ['{symptom} after {svc} release {ver}', 'Bad deploy of {svc} caused {symptom}', '{svc} {ver} rollout broke requests'],
    explanation: 'A release shipped a regression that the canary stage did not catch.',
    mitigation: 'Rolled back to the previous release',
    prevention: 'Add an automated canary analysis gate to the {svc} pipeline',
  },
  {
    cause: 'Configuration change',
    weight: 12,
    mechanisms: ['Rollback / kill switch'],
    titles: ['{symptom} after {svc} config push', 'Misconfigured {svc} limits caused {symptom}', 'Config change took down {svc}'],
    explanation: 'A configuration change was applied to every region at once.',
    mitigation: 'Reverted the configuration change',
    prevention: 'Stage {svc} configuration changes region by region with validation',
  },
  {
    cause: 'Feature flag change',
    weight: 5,
    mechanisms: ['Rollback / kill switch', 'Graceful degradation / circuit breaker'],
    titles: ['Feature flag flip caused {symptom} on {svc}', '{svc} experiment enabled for all users by mistake'],
    explanation: 'A feature flag was switched on for 100 % of traffic instead of a cohort.',
    mitigation: 'Switched the flag off',
    prevention: 'Require a percentage rollout for {svc} flags',
  },
  {
    cause: 'Schema migration',
    weight: 3,
    mechanisms: ['Rollback / kill switch', 'Database replica / failover', 'Backup & restore'],
    titles: ['{svc} schema migration locked a hot table', '{symptom} during {svc} migration'],
    explanation: 'A migration took an exclusive lock on a large table during peak hours.',
    mitigation: 'Cancelled the migration and released the lock',
    prevention: 'Lint {svc} migrations for locking operations',
  },
  {
    cause: 'Capacity / overload',
    weight: 10,
    mechanisms: ['Load-balanced pool', 'Queue buffering', 'Graceful degradation / circuit breaker'],
    titles: ['{svc} overloaded: {symptom}', '{symptom} at peak on {svc}', '{svc} ran out of capacity during prime time'],
    explanation: 'Evening peak traffic exceeded the provisioned capacity.',
    mitigation: 'Scaled out and shed non-critical load',
    prevention: 'Raise {svc} autoscaling limits and load-test to 2x peak',
  },
  {
    cause: 'Traffic spike',
    weight: 6,
    mechanisms: ['Load-balanced pool', 'Queue buffering', 'Graceful degradation / circuit breaker', 'Multi-CDN'],
    titles: ['Premiere traffic spike overwhelmed {svc}', '{symptom} during live event', 'Thundering herd on {svc} after app push'],
    explanation: 'A premiere drove several times the usual concurrent sessions within minutes.',
    mitigation: 'Enabled the waiting room and scaled out',
    prevention: 'Pre-scale {svc} before announced premieres',
  },
  {
    cause: 'Resource exhaustion',
    weight: 5,
    mechanisms: ['Load-balanced pool', 'Multi-zone'],
    titles: ['{svc} connection pool exhausted', 'Disk full on {svc} nodes', '{svc} file descriptor exhaustion'],
    explanation: 'A resource limit was reached that no alert covered.',
    mitigation: 'Freed the resource and restarted the affected nodes',
    prevention: 'Alert on {svc} pool and disk saturation at 80 %',
  },
  {
    cause: 'Software bug',
    weight: 10,
    mechanisms: ['Rollback / kill switch', 'Graceful degradation / circuit breaker'],
    titles: ['{svc} bug caused {symptom}', '{symptom} from null handling in {svc}', 'Retry storm in {svc} client'],
    explanation: 'A latent bug surfaced under an unusual input.',
    mitigation: 'Deployed a hotfix',
    prevention: 'Add regression tests for the failing {svc} code path',
  },
  {
    cause: 'Memory leak',
    weight: 4,
    mechanisms: ['Load-balanced pool', 'Multi-zone'],
    titles: ['{svc} memory leak caused restarts', 'OOM kills on {svc} pods'],
    explanation: 'Memory grew steadily until the pods were killed in waves.',
    mitigation: 'Rolling restart and a fix for the leak',
    prevention: 'Add memory growth alerting for {svc}',
  },
  {
    cause: 'Race condition',
    weight: 2,
    mechanisms: ['Rollback / kill switch'],
    titles: ['Race condition in {svc} caused {symptom}', 'Concurrent writes corrupted {svc} state'],
    explanation: 'Two workers processed the same item concurrently.',
    mitigation: 'Paused the workers and repaired the affected records',
    prevention: 'Make {svc} workers idempotent with a lease per item',
  },
  {
    cause: 'Data / database',
    weight: 6,
    mechanisms: ['Database replica / failover', 'Backup & restore', 'Multi-zone'],
    titles: ['{svc} database failover', 'Slow queries on {svc} primary', '{symptom} from {svc} database saturation'],
    explanation: 'The primary database hit CPU saturation from an unindexed query.',
    mitigation: 'Failed over to the replica and added the missing index',
    prevention: 'Add query plan regression checks for {svc}',
  },
  {
    cause: 'Data corruption',
    weight: 2,
    mechanisms: ['Backup & restore', 'Database replica / failover'],
    titles: ['Corrupted records in {svc}', '{svc} served bad data after import'],
    explanation: 'A bad import wrote invalid records that replicated everywhere.',
    mitigation: 'Restored the affected records from backup',
    prevention: 'Validate {svc} imports before they are applied',
  },
  {
    cause: 'Replication lag',
    weight: 2,
    mechanisms: ['Database replica / failover', 'Queue buffering'],
    titles: ['Replication lag on {svc} caused stale reads', '{symptom}: {svc} replicas behind'],
    explanation: 'Replicas fell minutes behind and served stale data.',
    mitigation: 'Routed reads to the primary until replicas caught up',
    prevention: 'Alert on {svc} replica lag and fall back automatically',
  },
  {
    cause: 'Dependency / third party',
    weight: 6,
    mechanisms: ['Graceful degradation / circuit breaker', 'Queue buffering'],
    titles: ['Third-party outage degraded {svc}', '{symptom}: provider errors upstream of {svc}'],
    explanation: 'An external provider returned errors and {svc} had no fallback.',
    mitigation: 'Switched to the backup provider',
    prevention: 'Add a circuit breaker and fallback for the {svc} provider',
  },
  {
    cause: 'Cloud provider outage',
    weight: 3,
    mechanisms: ['Multi-region', 'Multi-zone'],
    titles: ['Cloud provider zone outage affected {svc}', 'Regional cloud incident: {symptom}'],
    explanation: 'The cloud provider lost an availability zone.',
    mitigation: 'Evacuated traffic from the affected zone',
    prevention: 'Run a quarterly region evacuation drill for {svc}',
  },
  {
    cause: 'Internal dependency',
    weight: 4,
    mechanisms: ['Graceful degradation / circuit breaker'],
    titles: ['{svc} degraded by an internal dependency', 'Cascading failure reached {svc}'],
    explanation: 'An internal dependency slowed down and {svc} waited on it without a timeout.',
    mitigation: 'Lowered timeouts and disabled the dependent feature',
    prevention: 'Set timeouts and budgets on every {svc} downstream call',
  },
  {
    cause: 'Network / routing',
    weight: 3,
    mechanisms: ['Multi-region', 'Multi-zone', 'Multi-CDN'],
    titles: ['Packet loss between {svc} and origin', 'BGP route leak affected {svc}'],
    explanation: 'A routing change sent traffic over a congested path.',
    mitigation: 'Withdrew the route and rebalanced traffic',
    prevention: 'Monitor {svc} path latency per transit provider',
  },
  {
    cause: 'DNS',
    weight: 2,
    mechanisms: ['Secondary DNS provider'],
    titles: ['DNS resolution failures for {svc}', 'Expired DNS delegation broke {svc}'],
    explanation: 'The DNS provider failed to answer for our zones.',
    mitigation: 'Moved resolution to the secondary provider',
    prevention: 'Keep the secondary DNS provider in sync automatically',
    services: ['CDN Edge', 'Web Frontend', 'Login / Auth', 'Playback API'],
  },
  {
    cause: 'CDN',
    weight: 3,
    mechanisms: ['Multi-CDN'],
    titles: ['CDN vendor incident: {symptom}', 'Cache purge storm on {svc}'],
    explanation: 'The primary CDN degraded in several points of presence.',
    mitigation: 'Shifted traffic to the secondary CDN',
    prevention: 'Automate CDN steering on error rate for {svc}',
    services: ['CDN Edge', 'Playback API', 'Live Streaming', 'Web Frontend'],
  },
  {
    cause: 'Load balancer',
    weight: 2,
    mechanisms: ['Load-balanced pool', 'Multi-zone'],
    titles: ['Load balancer health checks flapping for {svc}', '{svc} load balancer dropped connections'],
    explanation: 'Health checks marked healthy instances down and the pool collapsed.',
    mitigation: 'Relaxed health checks and restored the pool',
    prevention: 'Fail open when most {svc} instances look unhealthy',
  },
  {
    cause: 'Hardware / power / facilities',
    weight: 2,
    mechanisms: ['Multi-zone', 'Multi-region'],
    titles: ['Power event in a data centre hit {svc}', 'Failed hosts degraded {svc}'],
    explanation: 'A power event took out a rack of hosts.',
    mitigation: 'Drained the affected hosts',
    prevention: 'Spread {svc} across racks and zones',
  },
  {
    cause: 'Certificate or credential expiry',
    weight: 2,
    mechanisms: ['Rollback / kill switch'],
    titles: ['Expired TLS certificate on {svc}', '{svc} API key expired'],
    explanation: 'A certificate expired because its renewal was manual.',
    mitigation: 'Renewed the certificate',
    prevention: 'Automate certificate renewal and alert 30 days before expiry',
  },
  {
    cause: 'Security / DDoS',
    weight: 2,
    mechanisms: ['Multi-CDN', 'Graceful degradation / circuit breaker'],
    titles: ['DDoS against {svc}', 'Layer-7 attack on {svc} endpoints'],
    explanation: 'A volumetric attack saturated the edge.',
    mitigation: 'Enabled attack mitigation rules at the edge',
    prevention: 'Pre-approve DDoS playbooks for {svc}',
    privateShare: 0.5,
  },
  {
    cause: 'Abuse / credential stuffing',
    weight: 1.5,
    mechanisms: ['Graceful degradation / circuit breaker', 'Load-balanced pool'],
    titles: ['Credential stuffing wave against {svc}', 'Bot traffic overloaded {svc}'],
    explanation: 'Bots replayed leaked credentials at scale.',
    mitigation: 'Rate-limited the offending networks',
    prevention: 'Add adaptive rate limits for {svc}',
    privateShare: 0.6,
  },
  {
    cause: 'Human / operational error',
    weight: 4,
    mechanisms: ['Rollback / kill switch', 'Backup & restore'],
    titles: ['Manual operation took {svc} offline', 'Wrong cluster targeted during {svc} maintenance'],
    explanation: 'A manual step was run against production instead of staging.',
    mitigation: 'Reverted the manual change',
    prevention: 'Replace the manual {svc} procedure with a reviewed script',
  },
  {
    cause: 'Runbook gap',
    weight: 1,
    mechanisms: [],
    titles: ['Slow recovery of {svc}: no runbook for {symptom}'],
    explanation: 'On-call had no runbook for this failure and lost time.',
    mitigation: 'Recovered with help from the owning team',
    prevention: 'Write the {svc} runbook for this failure',
  },
  {
    cause: 'Monitoring gap',
    weight: 2,
    mechanisms: [],
    titles: ['Undetected {symptom} on {svc}', 'Customers reported {symptom} before alerts fired'],
    explanation: 'No alert covered the failing path; users noticed first.',
    mitigation: 'Fixed the underlying issue',
    prevention: 'Add synthetic checks for the {svc} user journey',
    poorlyDetected: true,
  },
  {
    cause: 'Alert misconfiguration',
    weight: 1,
    mechanisms: [],
    titles: ['Silenced alert hid {symptom} on {svc}'],
    explanation: 'The relevant alert had been silenced and never re-enabled.',
    mitigation: 'Re-enabled the alert and fixed the fault',
    prevention: 'Expire alert silences automatically',
    poorlyDetected: true,
  },
  {
    cause: 'Unknown',
    weight: 2,
    mechanisms: [],
    titles: ['Transient {symptom} on {svc}', 'Unexplained {svc} error burst'],
    explanation: 'The cause could not be established.',
    mitigation: 'The errors stopped without intervention',
    prevention: 'Improve {svc} tracing to diagnose the next occurrence',
  },
];

/** Causes that typically appear as contributing factors, with their odds. */
export const CONTRIBUTING_WEIGHTS: Array<[string, number]> = [
  ['Monitoring gap', 5],
  ['Runbook gap', 4],
  ['Human / operational error', 4],
  ['Alert misconfiguration', 3],
  ['Configuration change', 2],
  ['Resource exhaustion', 2],
  ['Software bug', 2],
  ['Traffic spike', 2],
  ['Internal dependency', 2],
  ['Replication lag', 1],
  ['Load balancer', 1],
  ['Feature flag change', 1],
];

/** Game days: planned failure drills, excluded from metrics. */
export const GAME_DAYS: Array<{ title: string; cause: string; mechanism: string }> = [
  { title: 'Game day: region evacuation of {svc}', cause: 'Cloud provider outage', mechanism: 'Multi-region' },
  { title: 'Game day: database failover drill for {svc}', cause: 'Data / database', mechanism: 'Database replica / failover' },
  { title: 'Game day: CDN failover for {svc}', cause: 'CDN', mechanism: 'Multi-CDN' },
  { title: 'Game day: zone loss on {svc}', cause: 'Hardware / power / facilities', mechanism: 'Multi-zone' },
  { title: 'Game day: restore {svc} from backup', cause: 'Data corruption', mechanism: 'Backup & restore' },
];

export const REGIONS: Array<[string, number]> = [
  ['us-east-1', 30],
  ['us-west-2', 15],
  ['eu-west-1', 20],
  ['eu-central-1', 10],
  ['ap-southeast-1', 10],
  ['ap-northeast-1', 8],
  ['sa-east-1', 7],
];

/**
 * The company's recent history, in days before `now`: while an episode runs, its service has `rate` times
 * its usual share of incidents, their phases last `duration` times as long, and the causes named in
 * `causeAffinity` are that much more likely. Everything else is a steady, decent operation whose
 * response gets a little faster every quarter (see `responseFactor` in demo-data.ts).
 */
export interface DemoEpisode {
  service: string;
  /** Start and end of the episode in days before now (from > to). */
  fromDaysAgo: number;
  toDaysAgo: number;
  rate: number;
  duration: number;
  causeAffinity?: Record<string, number>;
  /** What happened, for people reading the data set. */
  story: string;
}

/**
 * The redundancy gap whose fix the data set shows: until `fixedDaysAgo` the service lacked the mechanism
 * (its incidents assess it MISSING and open action items to add it, all done by then); since then it
 * declares it, and its incidents are fewer and shorter (the episodes below).
 */
export const DEMO_GAP_FIX = { service: 'Playlists', mechanism: 'Multi-zone', fixedDaysAgo: 250 } as const;

export const DEMO_EPISODES: DemoEpisode[] = [
  {
    service: 'Playlists',
    fromDaysAgo: 730,
    toDaysAgo: DEMO_GAP_FIX.fixedDaysAgo,
    rate: 1.8,
    duration: 2.5,
    causeAffinity: { 'Cloud provider outage': 8, 'Hardware / power / facilities': 8, 'Data / database': 2 },
    story: 'Playlists ran in one zone: every zone incident took My List down until the database was restored by hand.',
  },
  {
    service: 'Playlists',
    fromDaysAgo: DEMO_GAP_FIX.fixedDaysAgo,
    toDaysAgo: 0,
    // a third of the rate before the fix, and under half of its usual share: at 0.6 the 400-incident demo showed
    // "fewer than half as many incidents since the fix" for only about half of the seeds
    rate: 0.4,
    duration: 0.8,
    story: 'Since the multi-zone move, a zone loss fails over and My List stays up.',
  },
  {
    service: 'Live Streaming',
    fromDaysAgo: 290,
    toDaysAgo: 205,
    rate: 3.5,
    duration: 2.2,
    causeAffinity: { 'Traffic spike': 5, 'Capacity / overload': 4 },
    story: 'The live sports season outgrew the transcoding fleet until pre-scaling before each event was automated.',
  },
  {
    service: 'Payments',
    fromDaysAgo: 450,
    toDaysAgo: 420,
    rate: 10,
    duration: 2.5,
    causeAffinity: { 'Dependency / third party': 6 },
    story: 'The payment provider had a bad month; the backup provider was wired in after it.',
  },
];
