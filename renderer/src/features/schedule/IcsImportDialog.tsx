// Importing an .ics file by its path (the desktop app will offer a file dialog instead), with what was
// created, updated and skipped and why each rejected event failed.
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useImportIcs } from '../../api/schedule';

export function IcsImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [path, setPath] = useState('');
  const importIcs = useImportIcs();
  const result = importIcs.data;
  const close = () => {
    importIcs.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Import .ics">
      <form
        aria-label="Import .ics"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) importIcs.mutate({ path: path.trim() });
        }}
      >
        <Stack gap="sm">
          <TextInput label="File path" placeholder="/home/me/calendar.ics" value={path} onChange={(e) => setPath(e.currentTarget.value)} data-autofocus />
          {result && (
            <Alert color={result.errors.length ? 'orange' : 'teal'} title="Imported" role="status">
              <Text size="sm">
                {result.created} created, {result.updated} updated, {result.skipped} skipped
              </Text>
              {result.errors.length > 0 && (
                <List size="sm" mt="xs">
                  {result.errors.map((e, i) => (
                    <List.Item key={i}>
                      {e.event}: {e.reason}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {result ? 'Close' : 'Cancel'}
            </Button>
            <Button type="submit" loading={importIcs.isPending} disabled={!path.trim()}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
