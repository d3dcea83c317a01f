// Words for backups shown in more than one place on the Backups page.
import type { BackupRow } from '../../api/backups';

export const REASON_TEXT: Record<BackupRow['reason'], string> = {
  hourly: 'Hourly',
  quit: 'When Rapport closed',
  manual: 'Backed up by you',
  'before-migration': 'Before an update',
  'before-import': 'Before an import',
  'before-undo-import': 'Before undoing an import',
  'before-restore': 'Before a restore',
  'before-merge': 'Before a merge',
  'before-erase': 'Before an erase',
  'before-empty-trash': 'Before emptying the Trash',
  'before-delete-for-good': 'Before deleting for good',
  'before-field-change': 'Before changing a field type',
};

export function backupTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function countsText(counts: BackupRow['counts']): string {
  const part = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return [
    part(counts.contacts, 'contact', 'contacts'),
    part(counts.jobs, 'job', 'jobs'),
    part(counts.activities, 'activity', 'activities'),
    part(counts.documents, 'document', 'documents'),
  ].join(' · ');
}
