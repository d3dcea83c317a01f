// Case templates (issue #22): a kind of request the user handles often (a warranty claim, a reprint), with its type,
// priority, subject, description and a checklist of follow-ups due so many days after the case opens.
// No SQL (db/case-templates.repo.ts), no `electron` import.
import type { CaseTemplate } from '../../../shared/domain/case';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { deleteTemplate, findTemplate, insertTemplate, listTemplates, updateTemplate } from '../../db/case-templates.repo';
import type { FeatureContext } from '../modules';

export function createCaseTemplates(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const changed = (action: 'created' | 'updated' | 'deleted', id: string) => events.emit('data.changed', { entity: 'caseTemplate', action, ids: [id] });

  return {
    list: async (): Promise<ChannelOutput<'cases.templates.list'>> => ({ templates: await listTemplates(db) }),

    async create(input: ChannelParsedInput<'cases.templates.create'>): Promise<ChannelOutput<'cases.templates.create'>> {
      const template: CaseTemplate = { id: newId(), ...input, subject: input.subject ?? null, description: input.description ?? null };
      await insertTemplate(db, template, clock.now().toISOString());
      changed('created', template.id);
      return template;
    },

    async update(input: ChannelParsedInput<'cases.templates.update'>): Promise<ChannelOutput<'cases.templates.update'>> {
      const template = await db.transaction().execute(async (trx) => {
        const current = await findTemplate(trx, input.id);
        if (!current) throw AppError.validation('id', 'There is no such template');
        const next: CaseTemplate = { ...current };
        for (const key of ['name', 'type', 'priority', 'subject', 'description', 'checklist'] as const) {
          if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
        }
        await updateTemplate(trx, next, clock.now().toISOString());
        return next;
      });
      changed('updated', template.id);
      return template;
    },

    async remove(id: string): Promise<ChannelOutput<'cases.templates.delete'>> {
      // Cases opened from it keep what it gave them; template_id stays as a plain reference.
      if (!(await deleteTemplate(db, id))) throw AppError.validation('id', 'There is no such template');
      changed('deleted', id);
      return { ok: true };
    },
  };
}
