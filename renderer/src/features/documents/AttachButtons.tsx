// "Attach files" (copies, several at once) and "Link a file or folder" (kept where it is), through the OS
// file dialog, with progress and Cancel while a batch is being added.
import { Button, Group, Menu, Progress, Text } from '@mantine/core';
import { IconChevronDown, IconFolder, IconLink, IconPaperclip } from '@tabler/icons-react';
import { pickDocumentFiles } from '../../api/documents';
import type { useAttachFiles } from './use-documents';
import { formatCount } from '../../ui/format';

export function AttachButtons({ attach, size = 'sm' }: { attach: ReturnType<typeof useAttachFiles>; size?: 'xs' | 'sm' }) {
  if (attach.progress) return <AttachProgress attach={attach} size={size} />;
  return (
    <Group gap={0} wrap="nowrap">
      <Button size={size} variant="light" leftSection={<IconPaperclip size={16} />} onClick={() => void pickDocumentFiles().then((paths) => attach.run(paths))} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}>
        Attach files
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size={size} variant="light" px={8} aria-label="More ways to add" style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-body)' }}>
            <IconChevronDown size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconLink size={14} />} onClick={() => void pickDocumentFiles().then((paths) => attach.run(paths, 'link'))}>
            Link files (keep them where they are)
          </Menu.Item>
          <Menu.Item leftSection={<IconFolder size={14} />} onClick={() => void pickDocumentFiles(true).then((paths) => attach.run(paths, 'link'))}>
            Link a folder
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** How far adding a batch of files has got, with Cancel: beside the buttons, or under a timeline entry's files. */
export function AttachProgress({ attach, size }: { attach: ReturnType<typeof useAttachFiles>; size: 'xs' | 'sm' }) {
  const { progress } = attach;
  if (!progress) return null;
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-live="polite">
      <Text size={size}>
        Adding {formatCount(Math.min(progress.done + 1, progress.total))} of {formatCount(progress.total)}…
      </Text>
      <Progress value={(progress.done / progress.total) * 100} w={size === 'sm' ? 80 : 60} aria-label="Progress of adding files" />
      <Button size={`compact-${size}`} variant="subtle" onClick={attach.cancel}>
        Cancel
      </Button>
    </Group>
  );
}
