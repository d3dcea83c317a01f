// Companies, jobs and activities as CSV (contacts are exported from the contacts list, with its filters).
import { Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useExportTable } from '../../api/import-export';
import { notifySuccess } from '../../ui/notify';
import { ExportProgressButton } from './ExportProgressButton';
import { formatCount } from '../../ui/format';

type Table = ChannelInput<'export.table'>['table'];
const TABLES: { table: Table; label: string }[] = [
  { table: 'companies', label: 'Companies' },
  { table: 'jobs', label: 'Jobs' },
  { table: 'activities', label: 'Activities' },
];

export function TableExports() {
  const exporter = useExportTable();
  return (
    <Group gap="xs">
      <Text size="sm">Export as CSV:</Text>
      {TABLES.map(({ table, label }) =>
        exporter.isPending && exporter.variables?.table === table ? (
          <ExportProgressButton key={table} progress={exporter.progress} size="xs" />
        ) : (
          <Button
            key={table}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ table }, { onSuccess: (r) => !r.cancelled && notifySuccess(`Exported ${formatCount(r.count)} ${label.toLowerCase()} to ${r.path}`) })}
          >
            {label}
          </Button>
        ),
      )}
    </Group>
  );
}
