// TanStack Query hooks for invoices (issue #23), their query keys, and which changes make them stale.
import type { Families } from './families';

export const invoicesFamilies: Families = {};
