// Import CSV: the open dialog, then a dry run that says what would be added, updated and refused (each refused row by
// its line and why), then the import itself on confirmation. Reads our own export and other programs' product files
// (WooCommerce: SKU, Name, Regular price…).
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { type ImportReport, pickCatalogueFile, useImportCatalogue } from '../../api/products';
import { formatCount, plural } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';

const counts = (r: ImportReport, verb: { add: string; update: string }) =>
  `${plural(r.added, 'product')} ${verb.add}, ${formatCount(r.updated)} ${verb.update}`;

export function ImportCatalogue() {
  const [path, setPath] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useImportCatalogue();
  const close = () => {
    setPath(null);
    setReport(null);
  };

  const choose = async () => {
    try {
      const picked = await pickCatalogueFile();
      if (!picked) return;
      run.mutate(
        { path: picked, dryRun: true },
        {
          onSuccess: (r) => {
            setPath(picked);
            setReport(r);
          },
        },
      );
    } catch (error) {
      notifyError(error);
    }
  };

  const confirm = () =>
    path &&
    run.mutate(
      { path, dryRun: false },
      {
        onSuccess: (r) => {
          notifySuccess(`Imported: ${counts(r, { add: 'added', update: 'updated' })}${r.refused.length ? `, ${formatCount(r.refused.length)} refused` : ''}`);
          close();
        },
      },
    );

  const nothing = report !== null && report.added + report.updated === 0;
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => void choose()} loading={run.isPending && !report}>
        Import CSV
      </Button>
      <Modal opened={report !== null} onClose={close} title="Import products from CSV" size="lg">
        {report && (
          <Stack gap="sm">
            <Text>{nothing ? 'Nothing in this file can be imported.' : `This file would have ${counts(report, { add: 'added', update: 'updated (matched by code)' })}.`}</Text>
            {report.refused.length > 0 && (
              <Alert color="yellow" title={`${plural(report.refused.length, 'row')} will be left out`}>
                <ScrollArea.Autosize mah={220}>
                  <List size="sm">
                    {report.refused.map((r) => (
                      <List.Item key={r.line}>{r.message}</List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={confirm} disabled={nothing} loading={run.isPending}>
                Import
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
