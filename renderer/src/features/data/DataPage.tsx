// Your data (#/data): where it lives and how big it is, "Export everything" to one zip, and "Move data folder".
import { Divider, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../../shared/domain/text';
import { useDataInfo } from '../../api/data';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { ExportEverything } from './ExportEverything';
import { MoveDataFolder } from './MoveDataFolder';
import { plural } from '../../ui/format';

export function DataPage() {
  const info = useDataInfo();
  const sizes = info.data ? `Data file ${formatBytes(info.data.databaseBytes)} · ${plural(info.data.documentFiles, 'document file')}, ${formatBytes(info.data.documentsBytes)}` : undefined;
  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader title="Your data" subtitle={sizes} />
      </div>
      <Stack gap="xl" px="lg" pb="lg" maw={860}>
        <Text size="sm" c="dimmed">
          Everything you keep in Rapport is on this computer, in one folder. Take all of it with you at any time.
        </Text>
        <ExportEverything />
        <Divider />
        <MoveDataFolder folder={info.data?.folder} />
      </Stack>
    </div>
  );
}
