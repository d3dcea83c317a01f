// The companies domain's part of the contract: channel -> input and output schemas.
// contract.ts spreads it in. Imports zod and shared/domain only.
import type { z } from 'zod';
import { Company, CompanyCreate, CompanyListInput, CompanyUpdate } from '../domain/contact';
import type { CompaniesChannel } from './companies.channels';
import { ById, Page } from './shapes';

export const companiesContract = {
  'companies.create': { input: CompanyCreate, output: Company },
  'companies.get': { input: ById, output: Company },
  'companies.update': { input: CompanyUpdate, output: Company },
  'companies.delete': { input: ById, output: Company },
  'companies.restore': { input: ById, output: Company },
  'companies.list': { input: CompanyListInput, output: Page(Company) },
} as const satisfies Record<CompaniesChannel, { input: z.ZodType; output: z.ZodType }>;
