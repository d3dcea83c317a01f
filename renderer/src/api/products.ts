// TanStack Query hooks for products (issue #23), their query keys, and which changes make them stale.
import type { Families } from './families';

export const productsFamilies: Families = {};
