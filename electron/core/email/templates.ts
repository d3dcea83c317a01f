// Email templates with merge fields: an unknown field is refused when saved; preview fills them for one
// contact and names the field a recipient has no value for.
import type { Template } from '../../../shared/domain/email';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findTemplate, insertTemplate, listTemplates, updateTemplate, type TemplateRecord } from '../../db/email.repo';
import type { FeatureContext } from '../modules';
import { fieldsIn, unknownFields } from './merge';
import { customMergeFor } from './merge-custom';
import type { Outbox } from './outbox';

export function createTemplates(ctx: FeatureContext, outbox: Outbox) {
  const { db, clock, events, newId } = ctx.deps;
  const out = (t: TemplateRecord): Template => ({
    id: t.id, name: t.name, subject: t.subject, body: t.body, fields: fieldsIn(`${t.subject}\n${t.body}`), createdAt: t.createdAt, updatedAt: t.updatedAt,
  });

  /** {{custom.<key>}} is known when the contacts have a field with that key (read only when a text uses one). */
  async function checkFields(fields: { subject?: string | undefined; body?: string | undefined }) {
    const keys = (await customMergeFor(db, [fields.subject ?? '', fields.body ?? '']))?.keys;
    for (const key of ['subject', 'body'] as const) {
      const unknown = unknownFields(fields[key] ?? '', keys);
      if (unknown.length > 0) throw AppError.validation(key, `Unknown merge field {{${unknown[0]}}}`);
    }
  }

  async function require(id: string): Promise<TemplateRecord> {
    const row = await findTemplate(db, id);
    if (!row || row.deletedAt) throw AppError.notFound('Template', id);
    return row;
  }

  return {
    require,

    async create(input: ChannelParsedInput<'templates.create'>): Promise<Template> {
      await checkFields(input);
      const at = clock.now().toISOString();
      const id = newId();
      await insertTemplate(db, { id, name: input.name, subject: input.subject, body: input.body, createdAt: at, updatedAt: at, deletedAt: null });
      events.emit('data.changed', { entity: 'template', action: 'created', ids: [id] });
      return out(await require(id));
    },

    async update(input: ChannelParsedInput<'templates.update'>): Promise<Template> {
      await checkFields(input);
      await require(input.id);
      const { id, ...fields } = input;
      await updateTemplate(db, id, { ...fields, updatedAt: clock.now().toISOString() });
      events.emit('data.changed', { entity: 'template', action: 'updated', ids: [id] });
      return out(await require(id));
    },

    async delete(id: string): Promise<Template> {
      const row = await require(id);
      await updateTemplate(db, id, { deletedAt: clock.now().toISOString() });
      events.emit('data.changed', { entity: 'template', action: 'deleted', ids: [id] });
      return out(row);
    },

    async list(): Promise<ChannelOutput<'templates.list'>> {
      return { items: (await listTemplates(db)).map(out) };
    },

    async preview(input: ChannelParsedInput<'templates.preview'>): Promise<ChannelOutput<'templates.preview'>> {
      const template = input.templateId ? await require(input.templateId) : null;
      const subject = input.subject ?? template?.subject;
      const body = input.body ?? template?.body;
      if (subject === undefined || body === undefined) throw AppError.validation('templateId', 'Choose a template, or give a subject and body');
      await checkFields({ subject, body });
      return db.transaction().execute(async (trx) => {
        const to = await outbox.resolve([{ contactId: input.contactId }], 'contactId', trx).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'VALIDATION') throw AppError.validation('contactId', error.issues?.[0]?.message ?? error.message);
          throw error;
        });
        try {
          const merged = await outbox.merged(subject, body, to, input.jobId, trx);
          return { ...merged, to: to[0]!.address };
        } catch (error) {
          if (error instanceof AppError && error.issues?.[0]?.path === 'to.0') throw AppError.validation('contactId', error.issues[0].message);
          throw error;
        }
      });
    },
  };
}

export type Templates = ReturnType<typeof createTemplates>;
