// The "Documents" section of a contact's, company's or job's page: its files with sorting, preview, open and
// rename; Attach / Link through the file dialog, or drop files anywhere on the section (desktop app).
import { Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { pathsOfDroppedFiles, type DocumentTarget } from '../../api/documents';
import { AttachButtons } from './AttachButtons';
import { DocumentList } from './DocumentList';
import { useAttachFiles } from './use-documents';

interface Props {
  target: DocumentTarget;
  /** Whose documents these are, for the empty state ("No documents for Maya yet"). */
  name: string;
  readOnly?: boolean;
}

export function DocumentsPanel({ target, name, readOnly }: Props) {
  const attach = useAttachFiles(target);
  const [dragging, setDragging] = useState(false);
  const droppable = !readOnly && attach.progress === null;

  const onDragOver = (event: DragEvent) => {
    if (!droppable || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!droppable) return;
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    const paths = pathsOfDroppedFiles(files);
    if (paths.length === 0) {
      notifications.show({ color: 'yellow', message: 'Dropped files can only be attached in the desktop app. Use “Attach files” instead.' });
      return;
    }
    void attach.run(paths);
  };

  return (
    <section aria-label="Documents" onDragOver={onDragOver} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Documents
        </Title>
        {!readOnly && <AttachButtons attach={attach} size="xs" />}
      </Group>
      <Paper
        mt="sm"
        p={dragging ? 'md' : 0}
        withBorder={dragging}
        style={dragging ? { borderStyle: 'dashed', borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
      >
        {dragging && (
          <Group gap="xs" justify="center" mb="sm">
            <IconUpload size={18} aria-hidden />
            <Text size="sm">Drop to attach to {name}</Text>
          </Group>
        )}
        <DocumentList
          filter={target}
          label={`Documents of ${name}`}
          readOnly={readOnly}
          empty={
            <Text size="sm" c="dimmed">
              No documents for {name} yet.{readOnly ? '' : ' Attach quotes, contracts or photos with “Attach files”, or drop them here.'}
            </Text>
          }
        />
      </Paper>
    </section>
  );
}
