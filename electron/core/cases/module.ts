// The cases feature's entry (issue #22): a handler map and the reminder worker, nothing else. The work: cases.ts
// (the record and its timeline), statuses.ts, templates.ts, mail.ts (replies through the outbox, rating links),
// reminders.ts (75 % / 100 % of a target); the clock in recompute.ts over case-clock.ts. SQL in db/cases*.repo.ts.
import type { CasesChannel } from '../../../shared/ipc/cases.channels';
import type { Outbox } from '../email/outbox';
import type { FeatureContext, FeatureModule } from '../modules';
import { createCaseAttach } from './case-attach';
import { createCases } from './cases';
import { createCaseMail } from './mail';
import { createCaseReminders, type CaseReminders } from './reminders';
import { createCaseStatuses } from './statuses';
import { createCaseTemplates } from './templates';

/** `outbox`: the email module's own (one worker delivers every message, replies from cases too). */
export function createCasesModule(ctx: FeatureContext, outbox: Outbox): FeatureModule<CasesChannel> & { reminders: CaseReminders } {
  const cases = createCases(ctx);
  const statuses = createCaseStatuses(ctx);
  const templates = createCaseTemplates(ctx);
  const mail = createCaseMail(ctx, outbox, cases);
  const reminders = createCaseReminders(ctx);
  const attachEmail = createCaseAttach(ctx);
  return {
    handlers: {
      'cases.create': (input) => cases.create(input),
      'cases.get': (input) => cases.get(input.id),
      'cases.update': (input) => cases.update(input),
      'cases.list': (input) => cases.list(input),
      'cases.delete': (input) => cases.remove(input.id),
      'cases.restore': (input) => cases.restore(input.id),
      'cases.setStatus': (input) => cases.setStatus(input),
      'cases.reply': (input) => mail.reply(input),
      'cases.note': (input) => cases.note(input),
      'cases.rate': (input) => cases.rate(input),
      'cases.merge': (input) => cases.merge(input),
      'cases.attachEmail': (input) => attachEmail(input),
      'cases.templates.list': () => templates.list(),
      'cases.templates.create': (input) => templates.create(input),
      'cases.templates.update': (input) => templates.update(input),
      'cases.templates.delete': (input) => templates.remove(input.id),
      'cases.statuses.list': () => statuses.list(),
      'cases.statuses.update': (input) => statuses.update(input),
    },
    // Run by the app's one wake-up timer (app.ts), beside the follow-up and appointment reminders.
    reminders,
  };
}
