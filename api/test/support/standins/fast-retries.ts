import { setVendorHttpPolicy, VendorHttpPolicy } from '../../../src/sources/vendors/vendor-http';

/**
 * Makes vendor retries instant for a test file and records the waits the client asked for (so a
 * test checks that `Retry-After` was honoured without waiting or timing anything).
 */
export function recordRetryWaits(): { waits: number[]; restore: () => void } {
  const waits: number[] = [];
  let previous: VendorHttpPolicy | null = setVendorHttpPolicy({
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return {
    waits,
    restore: () => {
      if (previous) setVendorHttpPolicy(previous);
      previous = null;
    },
  };
}
