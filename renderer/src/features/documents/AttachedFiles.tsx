// The files kept with one small thing (a timeline entry): their names, each a link to the document, and the
// progress of adding more (with Cancel). The list itself comes from the caller, fetched once per page.
import { Anchor, Group } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { Link } from 'wouter';
import type { DocumentRow } from '../../api/documents';
import { AttachProgress } from './AttachButtons';
import type { useAttachFiles } from './use-documents';

interface Props {
  documents: readonly DocumentRow[];
  attach: ReturnType<typeof useAttachFiles>;
  /** What the files belong to, for screen readers ("Files of call “Site visit”"). */
  label: string;
}

export function AttachedFiles({ documents, attach, label }: Props) {
  const { progress } = attach;
  if (documents.length === 0 && !progress) return null;
  return (
    <Group gap={8} mt={4} wrap="wrap">
      {documents.length > 0 && (
        <Group component="ul" gap={8} wrap="wrap" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {documents.map((d) => (
            <li key={d.id} style={{ minWidth: 0, maxWidth: '100%' }}>
              <Anchor component={Link} href={`/documents/${d.id}`} size="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 2, overflowWrap: 'anywhere' }}>
                <IconPaperclip size={12} aria-hidden />
                {d.name}
              </Anchor>
            </li>
          ))}
        </Group>
      )}
      <AttachProgress attach={attach} size="xs" />
    </Group>
  );
}
