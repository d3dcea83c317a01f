// The shape of contract cases, shared by channels.test.ts and each feature's <feature>.cases.ts.
import type { Channel } from '../../shared/ipc/contract';
import type { TestCore } from '../helpers/core';

/** A valid call, and invalid ones each paired with the field path its VALIDATION error must name. */
export type Case = { valid: () => unknown; invalid: [input: () => unknown, path: string][] };

/** Records every feature may point at, created once before any case runs. */
export interface Fixtures {
  t: TestCore;
  contactId: string;
  companyId: string;
  activityId: string;
  jobId: string;
}

export interface FeatureCases<C extends Channel> {
  /** Runs after the shared fixtures exist, before any case: create what this feature's valid calls need. */
  setup?(fx: Fixtures): Promise<void>;
  cases: Record<C, Case>;
}

export const long = (n: number) => 'x'.repeat(n);
