// The fields service (custom fields, issue #19): definitions per record type, their keys, options, order, Trash,
// and type changes that preview before they convert. The SQL is in db/fields.repo.ts; the values' own checks in
// shared/domain/custom-values.ts. Other domains read and write values through recordCustom below.
import type { Kysely } from 'kysely';
import { checkCustomValue, keyFromLabel, type CustomValue, type FieldConversion, type FieldDefinition, type FieldOption, type FieldRecordType, type FieldShape } from '../../../shared/domain/custom-fields';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import * as repo from '../../db/fields.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { convertValue, optionsFor } from './convert';

/** How many failed values a preview lists (the count is always whole). */
const PREVIEW_LIMIT = 200;

export function createFieldsService(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const now = () => clock.now().toISOString();
  const changed = (action: 'created' | 'updated' | 'deleted' | 'restored', ids: string[]) => events.emit('data.changed', { entity: 'field', action, ids });

  async function get(id: string, trx: Kysely<DB> = db): Promise<FieldDefinition> {
    const field = await repo.findField(trx, id);
    if (!field) throw AppError.notFound('Field', id);
    return field;
  }

  /** A key not used by the record type yet (Trash included): gateCode, gateCode2, … */
  async function freshKey(trx: Kysely<DB>, recordType: FieldRecordType, label: string): Promise<string> {
    const used = await repo.fieldKeys(trx, recordType);
    const base = keyFromLabel(label);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
    return key;
  }

  function checkDefault(shape: FieldShape, value: CustomValue | undefined): CustomValue | undefined {
    if (value === undefined) return undefined;
    const checked = checkCustomValue(shape, value);
    if (!checked.ok) throw AppError.validation('defaultValue', checked.message.replace(`${shape.label}: `, ''));
    return checked.value;
  }

  /** Options as sent: listed ones kept (renamed), new ones given ids, unlisted ones archived so values keep them. */
  function mergeOptions(current: FieldOption[], sent: { id?: string | undefined; label: string }[]): { options: FieldOption[]; renamed: FieldOption[] } {
    const renamed: FieldOption[] = [];
    const listed = sent.map((o): FieldOption => {
      const existing = o.id ? current.find((c) => c.id === o.id) : undefined;
      if (o.id && !existing) throw AppError.validation('options', 'One of the choices no longer exists; reopen the field and try again');
      if (existing && existing.label !== o.label) renamed.push({ ...existing, label: o.label });
      return existing ? { ...existing, label: o.label, archived: false } : { id: newId(), label: o.label, archived: false };
    });
    const kept = new Set(listed.map((o) => o.id));
    return { options: [...listed, ...current.filter((c) => !kept.has(c.id)).map((c) => ({ ...c, archived: true }))], renamed };
  }

  async function create(input: ChannelParsedInput<'fields.create'>): Promise<FieldDefinition> {
    if (input.type === 'money' && !input.currency) throw AppError.validation('currency', 'Choose the currency for this money field');
    const id = newId();
    const options: FieldOption[] = (input.options ?? []).map((o) => ({ id: newId(), label: o.label, archived: false }));
    if ((input.type === 'choice' || input.type === 'choices') && options.length === 0) throw AppError.validation('options', 'Add at least one choice');
    await db.transaction().execute(async (trx) => {
      const key = await freshKey(trx, input.recordType, input.label);
      const shape: FieldShape = { key, label: input.label, type: input.type, required: input.required, options, currency: input.currency ?? null };
      const defaultValue = checkDefault(shape, input.defaultValue) ?? null;
      const position = await repo.nextFieldPosition(trx, input.recordType);
      await repo.insertField(
        trx,
        { id, recordType: input.recordType, key, label: input.label, type: input.type, currency: input.type === 'money' ? (input.currency ?? null) : null, required: input.required, defaultValue, help: input.help ?? null, section: input.section ?? null, position, options, archived: false },
        now(),
      );
    });
    changed('created', [id]);
    return get(id);
  }

  async function update(input: ChannelParsedInput<'fields.update'>) {
    const field = await get(input.id);
    if (field.deletedAt) throw AppError.validation('id', 'This field is in Trash; restore it first');
    const merged = input.options ? mergeOptions(field.options, input.options) : { options: field.options, renamed: [] };
    const typeChange = input.type !== undefined && input.type !== field.type;
    const currency = input.currency ?? field.currency;
    if ((typeChange ? input.type : field.type) === 'money' && !currency) throw AppError.validation('currency', 'Choose the currency for this money field');
    if (!typeChange && field.type === 'money' && input.currency && input.currency !== field.currency && field.valueCount > 0) {
      throw AppError.validation('currency', 'This field already holds amounts; its currency cannot change');
    }
    const target: FieldDefinition = { ...field, label: input.label ?? field.label, type: input.type ?? field.type, currency: (input.type ?? field.type) === 'money' ? currency : null, options: merged.options, required: input.required ?? field.required };
    if (typeChange) {
      const values = await repo.readFieldValues(db, field);
      if ((target.type === 'choice' || target.type === 'choices') && field.type !== 'choice' && field.type !== 'choices') {
        target.options = optionsFor(field, values.map((v) => v.value), target.options, newId, target.type === 'choices');
      }
      if ((target.type === 'choice' || target.type === 'choices') && target.options.length === 0) throw AppError.validation('options', 'Add at least one choice');
      const converted: { recordId: string; value: CustomValue }[] = [];
      const failed: { recordId: string; value: CustomValue }[] = [];
      for (const v of values) {
        const result = convertValue(field, target, v.value);
        if (result.ok) converted.push({ recordId: v.recordId, value: result.value });
        else failed.push(v);
      }
      const conversion: FieldConversion = { converted: converted.length, failed: failed.slice(0, PREVIEW_LIMIT).map((f) => ({ recordId: f.recordId, value: asText(field, f.value) })), keptIn: null };
      if (!input.confirm) return { field, conversion: { ...conversion, failed: conversion.failed }, applied: false };
      await ctx.backups.before('before-field-change');
      const keptIn = await db.transaction().execute(async (trx) => {
        let kept: { id: string; label: string } | null = null;
        if (failed.length > 0) kept = await keepFailed(trx, field, failed);
        await repo.updateField(trx, field.id, { type: target.type, currency: target.currency, options: target.options, defaultValue: null }, now());
        await repo.replaceFieldValues(trx, target, converted);
        return kept;
      });
      await applyPlainChanges(input, field, merged, target);
      changed('updated', [field.id, ...(keptIn ? [keptIn.id] : [])]);
      return { field: await get(field.id), conversion: { ...conversion, keptIn }, applied: true };
    }
    await applyPlainChanges(input, field, merged, target);
    changed('updated', [field.id]);
    return { field: await get(field.id), conversion: null, applied: true };
  }

  function asText(field: FieldDefinition, value: CustomValue): string {
    return Array.isArray(value) ? value.map((id) => field.options.find((o) => o.id === id)?.label ?? id).join(', ') : typeof value === 'string' && field.type === 'choice' ? (field.options.find((o) => o.id === value)?.label ?? value) : String(value);
  }

  /** Unconvertible values go, as text, into a new archived field "<label> (not converted)": nothing is lost. */
  async function keepFailed(trx: Kysely<DB>, field: FieldDefinition, failed: { recordId: string; value: CustomValue }[]) {
    const id = newId();
    const label = `${field.label} (not converted)`.slice(0, 60);
    const key = await freshKey(trx, field.recordType, `${field.key} not converted`);
    const position = await repo.nextFieldPosition(trx, field.recordType);
    const kept = { id, recordType: field.recordType, key, label, type: 'longText' as const, currency: null, required: false, defaultValue: null, help: `Values of "${field.label}" that could not be converted`, section: field.section, position, options: [], archived: true };
    await repo.insertField(trx, kept, now());
    await repo.replaceFieldValues(trx, kept, failed.map((f) => ({ recordId: f.recordId, value: asText(field, f.value) })));
    return { id, label };
  }

  async function applyPlainChanges(input: ChannelParsedInput<'fields.update'>, field: FieldDefinition, merged: { options: FieldOption[]; renamed: FieldOption[] }, target: FieldDefinition) {
    const shape: FieldShape = { ...target };
    const defaultValue = checkDefault(shape, input.defaultValue);
    await db.transaction().execute(async (trx) => {
      await repo.updateField(
        trx,
        field.id,
        {
          ...(input.label === undefined ? {} : { label: input.label }),
          ...(input.required === undefined ? {} : { required: input.required }),
          ...(defaultValue === undefined ? {} : { defaultValue }),
          ...(input.help === undefined ? {} : { help: input.help }),
          ...(input.section === undefined ? {} : { section: input.section }),
          ...(input.options === undefined ? {} : { options: target.options }),
          ...(input.currency === undefined || target.type !== 'money' ? {} : { currency: input.currency }),
        },
        now(),
      );
      for (const option of merged.renamed) await repo.relabelOption(trx, field.id, option.id, option.label);
    });
  }

  return {
    get,
    list: (input: ChannelParsedInput<'fields.list'>) => repo.listFields(db, input.recordType, input),
    create,
    update,
    async archive(id: string, archived: boolean) {
      await get(id);
      await repo.updateField(db, id, { archived }, now());
      changed('updated', [id]);
      return get(id);
    },
    /** To Trash: the definition is marked deleted and its values stay, hidden with it, until restored or purged. */
    async remove(id: string) {
      const field = await get(id);
      if (!field.deletedAt) await repo.setFieldDeleted(db, id, now(), now());
      changed('deleted', [id]);
      return get(id);
    },
    async restore(id: string) {
      const field = await get(id);
      if (field.deletedAt) await repo.setFieldDeleted(db, id, null, now());
      changed('restored', [id]);
      return get(id);
    },
    async reorder(input: ChannelParsedInput<'fields.reorder'>) {
      await db.transaction().execute((trx) => repo.reorderFields(trx, input.recordType, input.ids, now()));
      changed('updated', input.ids);
      return { items: await repo.listFields(db, input.recordType) };
    },
  };
}

export type FieldsService = ReturnType<typeof createFieldsService>;
