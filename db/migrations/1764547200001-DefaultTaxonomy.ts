import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default root-cause taxonomy (category → causes) and redundancy catalogue of SPEC §2. */
export const DEFAULT_TAXONOMY: Record<string, string[]> = {
  Change: ['Deployment / release', 'Configuration change', 'Feature flag change', 'Schema migration'],
  Capacity: ['Capacity / overload', 'Traffic spike', 'Resource exhaustion'],
  Software: ['Software bug', 'Memory leak', 'Race condition'],
  Data: ['Data / database', 'Data corruption', 'Replication lag'],
  Dependency: ['Dependency / third party', 'Cloud provider outage', 'Internal dependency'],
  Network: ['Network / routing', 'DNS', 'CDN', 'Load balancer'],
  Infrastructure: ['Hardware / power / facilities', 'Certificate or credential expiry'],
  Security: ['Security / DDoS', 'Abuse / credential stuffing'],
  Human: ['Human / operational error', 'Runbook gap'],
  Observability: ['Monitoring gap', 'Alert misconfiguration'],
  Unknown: ['Unknown'],
};

export const DEFAULT_REDUNDANCY: Array<[string, string]> = [
  ['Multi-region', 'Traffic can fail over to another region.'],
  ['Multi-zone', 'Instances spread over availability zones.'],
  ['Database replica / failover', 'A replica that takes over when the primary fails.'],
  ['Backup & restore', 'Tested backups with a known restore time.'],
  ['Load-balanced pool', 'Several instances behind a health-checked load balancer.'],
  ['Secondary DNS provider', 'A second authoritative DNS provider.'],
  ['Multi-CDN', 'Traffic can move to another CDN.'],
  ['Graceful degradation / circuit breaker', 'Dependent features degrade instead of failing.'],
  ['Rollback / kill switch', 'A change can be reverted or switched off in minutes.'],
  ['Queue buffering', 'A queue absorbs bursts and outages of consumers.'],
];

export class DefaultTaxonomy1764547200001 implements MigrationInterface {
  name = 'DefaultTaxonomy1764547200001';

  async up(q: QueryRunner): Promise<void> {
    for (const [category, causes] of Object.entries(DEFAULT_TAXONOMY)) {
      const [{ id }] = await q.query(`INSERT INTO root_cause (name) VALUES ($1) RETURNING id`, [category]);
      await q.query(`INSERT INTO root_cause (name, parent_id) SELECT unnest($1::text[]), $2`, [causes, id]);
    }
    await q.query(`INSERT INTO redundancy_mechanism (name, description) SELECT * FROM unnest($1::text[], $2::text[])`, [
      DEFAULT_REDUNDANCY.map((r) => r[0]),
      DEFAULT_REDUNDANCY.map((r) => r[1]),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM redundancy_mechanism; DELETE FROM root_cause WHERE parent_id IS NOT NULL; DELETE FROM root_cause;`);
  }
}
