import { PullPage, SourceAdapter, SourceFetchError } from '../source-incident';

export const incidentIoAdapter: SourceAdapter = {
  // eslint-disable-next-line require-yield
  async *pull(): AsyncIterable<PullPage> {
    throw new SourceFetchError('HTTP', 'not implemented yet');
  },
  async testConnection(): Promise<void> {
    throw new SourceFetchError('HTTP', 'not implemented yet');
  },
};
