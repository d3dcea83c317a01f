// The contacts list's Export menu: the list as it is shown (search and filters applied) in Rapport's own CSV,
// Google's or Outlook's layout, or as vCards. Every export says how many contacts it wrote and where.
import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ExportFilter } from '../../../../shared/domain/transfer';
import { useExportContacts } from '../../api/transfer';
import { notifySuccess } from '../../app/notify';

type Choice = Omit<ChannelInput<'export.contacts'>, 'filter'> & { label: string };

const CHOICES: Choice[] = [
  { label: 'Rapport CSV (re-importable)', format: 'csv', preset: 'rapport' },
  { label: 'Rapport CSV for Excel', format: 'csv', preset: 'rapport', bom: true },
  { label: 'Google Contacts CSV', format: 'csv', preset: 'google' },
  { label: 'Outlook CSV', format: 'csv', preset: 'outlook', bom: true },
  { label: 'Outlook.com CSV', format: 'csv', preset: 'outlook-com' },
  { label: 'vCard 3.0 (phones, Apple, Google)', format: 'vcard' },
  { label: 'vCard 4.0', format: 'vcard', vcardVersion: '4.0' },
];

export function ExportMenu({ filter, count }: { filter: ExportFilter; count: number | undefined }) {
  const exporter = useExportContacts();
  const run = ({ label: _label, ...choice }: Choice) =>
    exporter.mutate(
      { ...choice, filter },
      { onSuccess: (r) => !r.cancelled && notifySuccess(`Exported ${r.count.toLocaleString()} ${r.count === 1 ? 'contact' : 'contacts'} to ${r.path}`) },
    );
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporter.isPending} disabled={count === 0}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{count === undefined ? 'Export this list' : `Export ${count.toLocaleString()} ${count === 1 ? 'contact' : 'contacts'}`}</Menu.Label>
        {CHOICES.map((c) => (
          <Menu.Item key={c.label} onClick={() => run(c)}>
            {c.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
