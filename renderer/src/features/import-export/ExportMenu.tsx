// The contacts list's Export menu: the list as it is shown (search and filters applied), or the rows ticked in it,
// in Rapport's own CSV, Google's or Outlook's layout, or as vCards. Every export says how many contacts it wrote and where.
import { Button, type ButtonProps, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ExportFilter } from '../../../../shared/domain/transfer';
import { useExportContacts } from '../../api/import-export';
import { notifySuccess } from '../../ui/notify';
import { ExportProgressButton } from './ExportProgressButton';
import { plural } from '../../ui/format';

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

type ExportMenuProps =
  /** The list as shown: its search and filters, and how many contacts match them. */
  | { filter: ExportFilter; count: number | undefined; ids?: undefined }
  /** Exactly these contacts: the list's selection. */
  | { ids: readonly string[]; filter?: undefined; count?: undefined };

export function ExportMenu({ size, ...props }: ExportMenuProps & { size?: ButtonProps['size'] }) {
  const exporter = useExportContacts();
  const filter: ExportFilter = props.ids ? { ids: [...props.ids] } : props.filter;
  const count = props.ids ? props.ids.length : props.count;
  const heading = count === undefined ? 'Export this list' : `Export ${plural(count, `${props.ids ? 'selected ' : ''}contact`)}`;
  const run = ({ label: _label, ...choice }: Choice) =>
    exporter.mutate(
      { ...choice, filter },
      { onSuccess: (r) => !r.cancelled && notifySuccess(`Exported ${plural(r.count, 'contact')} to ${r.path}`) },
    );
  if (exporter.isPending) return <ExportProgressButton progress={exporter.progress} size={size} />;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size={size} variant="default" leftSection={<IconDownload size={16} />} disabled={count === 0}>
          {props.ids ? 'Export selected…' : 'Export'}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{heading}</Menu.Label>
        {CHOICES.map((c) => (
          <Menu.Item key={c.label} onClick={() => run(c)}>
            {c.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
