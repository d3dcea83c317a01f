// The cases feature's part of the contract (issue #22): cases, their timeline entries, statuses and templates.
// contract.ts spreads this in; events.ts spreads casesEvents. Imports zod and shared/ only.
import { z } from 'zod';
import {
  CaseAttachEmail,
  CaseCreate,
  CaseDetail,
  CaseDue,
  CaseListInput,
  CaseListPage,
  CaseMerge,
  CaseNote,
  CaseRate,
  CaseReply,
  CaseSetStatus,
  CaseStatusesUpdate,
  CaseStatusList,
  CaseTemplate,
  CaseTemplateFields,
  CaseTemplateList,
  CaseTemplateUpdate,
  CaseUpdate,
} from '../domain/case';
import type { CasesChannel } from './cases.channels';
import { ById, Empty } from './shapes';

const Ok = z.object({ ok: z.literal(true) });

export const casesContract = {
  'cases.create': { input: CaseCreate, output: CaseDetail },
  'cases.get': { input: ById, output: CaseDetail },
  'cases.update': { input: CaseUpdate, output: CaseDetail },
  'cases.list': { input: CaseListInput, output: CaseListPage },
  /** To the Trash (undo with cases.restore). */
  'cases.delete': { input: ById, output: Ok },
  'cases.restore': { input: ById, output: CaseDetail },
  'cases.setStatus': { input: CaseSetStatus, output: CaseDetail },
  /** Queues the reply in the outbox with the case token in its subject and References to the thread. */
  'cases.reply': { input: CaseReply, output: CaseDetail },
  'cases.note': { input: CaseNote, output: CaseDetail },
  'cases.rate': { input: CaseRate, output: CaseDetail },
  'cases.merge': { input: CaseMerge, output: CaseDetail },
  /** A filed email onto a suggested case: answers it as a threaded reply would (ends a wait, reopens, follows up). */
  'cases.attachEmail': { input: CaseAttachEmail, output: CaseDetail },
  'cases.templates.list': { input: Empty, output: CaseTemplateList },
  'cases.templates.create': { input: CaseTemplateFields, output: CaseTemplate },
  'cases.templates.update': { input: CaseTemplateUpdate, output: CaseTemplate },
  'cases.templates.delete': { input: ById, output: Ok },
  'cases.statuses.list': { input: Empty, output: CaseStatusList },
  'cases.statuses.update': { input: CaseStatusesUpdate, output: CaseStatusList },
} as const satisfies Record<CasesChannel, { input: z.ZodType; output: z.ZodType }>;

export const casesEvents = {
  /** A case's response or resolution target reached 75 % or 100 % of its business time. */
  'cases.due': CaseDue,
} as const satisfies Record<string, z.ZodType>;
