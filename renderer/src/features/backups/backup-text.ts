// Words for backups shown in more than one place on the Backups page.
import type { BackupRow } from '../../api/backups';
import { plural } from '../../ui/format';

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
  return [
    plural(counts.contacts, 'contact'),
    plural(counts.jobs, 'job'),
    plural(counts.activities, 'activity', 'activities'),
    plural(counts.documents, 'document'),
  ].join(' · ');
}
