// Case templates' rows (issue #22): type, priority, subject, description and a checklist of follow-ups (JSON).
// Never imports core or `electron`.
import type { Kysely, Selectable } from 'kysely';
import type { CaseTemplate } from '../../shared/domain/case';
import type { DB } from './schema';
import type { CaseTemplatesTable } from './schema.cases';

function toTemplate(row: Selectable<CaseTemplatesTable>): CaseTemplate {
  let checklist: CaseTemplate['checklist'] = [];
  try {
    const parsed: unknown = JSON.parse(row.checklist);
    if (Array.isArray(parsed)) checklist = parsed as CaseTemplate['checklist'];
  } catch {
    // A hand-edited checklist that is not JSON reads as empty rather than breaking the template list.
  }
  return {
    id: row.id,
    name: row.name,
    type: row.type as CaseTemplate['type'],
    priority: row.priority as CaseTemplate['priority'],
    subject: row.subject,
    description: row.description,
    checklist,
  };
}

export async function listTemplates(db: Kysely<DB>): Promise<CaseTemplate[]> {
  const rows = await db.selectFrom('case_templates').selectAll().orderBy('name').orderBy('seq').execute();
  return rows.map(toTemplate);
}

export async function findTemplate(db: Kysely<DB>, id: string): Promise<CaseTemplate | null> {
  const row = await db.selectFrom('case_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplate(row) : null;
}

export async function insertTemplate(db: Kysely<DB>, t: CaseTemplate, now: string): Promise<void> {
  await db
    .insertInto('case_templates')
    .values({ id: t.id, name: t.name, type: t.type, priority: t.priority, subject: t.subject, description: t.description, checklist: JSON.stringify(t.checklist), created_at: now, updated_at: now })
    .execute();
}

export async function updateTemplate(db: Kysely<DB>, t: CaseTemplate, now: string): Promise<void> {
  await db
    .updateTable('case_templates')
    .set({ name: t.name, type: t.type, priority: t.priority, subject: t.subject, description: t.description, checklist: JSON.stringify(t.checklist), updated_at: now })
    .where('id', '=', t.id)
    .execute();
}

export async function deleteTemplate(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('case_templates').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
