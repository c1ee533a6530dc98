import { PullPage, SourceAdapter } from '../source-incident';

/** WEBHOOK sources are pushed to, never pulled: a pull reads nothing and the connection always works. */
export const webhookAdapter: SourceAdapter = {
  // eslint-disable-next-line require-yield
  async *pull(): AsyncIterable<PullPage> {
    return;
  },
  async testConnection(): Promise<void> {},
};
