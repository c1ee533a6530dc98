import { Injectable } from '@nestjs/common';
import type { RequestLoaders } from '../common/graphql/loaders';
import { MetricsRepository } from './metrics.repository';
import type { ResolvedFilter, Visibility } from './metrics.scope';

const MAX_ENTRIES = 2000;

/** The cache key of one metric answer: who sees what (admin, or the reader's teams), the filter, the metric and its arguments. */
export function metricsCacheKey(s: { visibility: Visibility; filter: ResolvedFilter }, metric: string, ...args: unknown[]): string {
  const v = s.visibility.role === 'ADMIN' ? 'ADMIN' : s.visibility.teamIds.join(',');
  return JSON.stringify([v, s.filter, metric, ...args]);
}

interface Entry {
  version: bigint;
  value: Promise<unknown>;
  /** For an answer that also moves with the clock: the instant (ms) from which it no longer holds; undefined: none. */
  until?: number;
}

/** A computed answer that holds only until an instant (null: it does not move with the clock). */
export interface Until<T> {
  value: T;
  until: Date | null;
}

/**
 * In-process cache of metric answers, valid across processes: every entry remembers the `data_version`
 * it was computed at, and a request reads the current version once (one tiny query, shared by all the
 * metric fields of that request through its RequestLoaders). Any write in any process bumps the version
 * (statement triggers), so the next request recomputes. The version is read before the metric query
 * runs, so an entry can only be newer than its version, never older: it is never served stale.
 * Concurrent identical questions share one computation.
 */
@Injectable()
export class MetricsCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly repo: MetricsRepository) {}

  version(loaders: RequestLoaders): Promise<bigint> {
    return loaders.get<0, bigint>('metrics.dataVersion', async () => new Map([[0, BigInt(await this.repo.dataVersion())]]), 0n).load(0);
  }

  async get<T>(loaders: RequestLoaders, key: string, compute: () => Promise<T>): Promise<T> {
    return this.getUntil(loaders, key, async () => ({ value: await compute(), until: null }));
  }

  /**
   * As get, for an answer that also changes when the clock passes an instant no write marks (a review becoming
   * overdue): compute gives the answer and that instant, and the entry is served only before it.
   */
  async getUntil<T>(loaders: RequestLoaders, key: string, compute: () => Promise<Until<T>>): Promise<T> {
    const version = await this.version(loaders);
    const hit = this.entries.get(key);
    if (hit && hit.version >= version && !(hit.until !== undefined && Date.now() >= hit.until)) {
      this.hits++;
      this.entries.delete(key); // keep the Map in least-recently-used order
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    this.misses++;
    const computed = compute();
    const value = computed.then((c) => c.value);
    // a question asked while this one computes shares it (as a request would that came a moment earlier)
    const entry: Entry = { version, value };
    this.entries.set(key, entry);
    computed.then(
      (c) => (entry.until = c.until?.getTime()),
      () => {},
    );
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
