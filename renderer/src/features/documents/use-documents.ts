// What every documents view does: attach several files with progress (cancellable between files, with a
// report at the end: one notification, not one per failure), open (or, for a type Rapport does not open, show in
// folder and say so) or show in folder, and move to Trash with Undo.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { attachDocument, useDeleteDocument, useOpenDocument, useRestoreDocument, type DocumentTarget } from '../../api/documents';
import { notifySuccess, reasonText } from '../../ui/notify';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';
import { formatCount } from '../../ui/format';

export interface AttachProgress {
  done: number;
  total: number;
}

const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

export function useAttachFiles(target: DocumentTarget | null) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<AttachProgress | null>(null);
  const cancelled = useRef(false);

  async function run(paths: readonly string[], mode: 'copy' | 'link' = 'copy') {
    if (paths.length === 0) return;
    cancelled.current = false;
    const failed: string[] = [];
    let done = 0;
    setProgress({ done, total: paths.length });
    for (const path of paths) {
      if (cancelled.current) break;
      const input: ChannelInput<'documents.attach'> = { path, mode, ...(target ?? {}) };
      try {
        await attachDocument(client, input);
      } catch (error) {
        failed.push(`${baseName(path)}: ${reasonText(error)}`);
      }
      done++;
      setProgress({ done, total: paths.length });
    }
    setProgress(null);
    const attached = done - failed.length;
    const skipped = paths.length - done;
    const summary = [
      attached > 0 ? `${attached} ${mode === 'link' ? 'linked' : 'attached'}` : null,
      skipped > 0 ? `${formatCount(skipped)} skipped (cancelled)` : null,
    ].filter(Boolean).join(', ');
    if (failed.length > 0) {
      notifications.show({ color: 'red', title: `${formatCount(failed.length)} could not be added${summary ? ` (${summary})` : ''}`, message: failed.join('\n'), autoClose: false });
    } else if (summary) {
      notifySuccess(summary.charAt(0).toUpperCase() + summary.slice(1));
    }
  }

  return {
    run,
    progress,
    cancel: () => {
      cancelled.current = true;
    },
  };
}

export function useDocumentActions() {
  const open = useOpenDocument();
  const remove = useDeleteDocument();
  const restore = useRestoreDocument();
  const { trash, restore: restoreOne } = useTrashWithUndo({
    remove: { mutateAsync: (id: string) => remove.mutateAsync({ id }), isPending: remove.isPending },
    restore: { mutateAsync: (id: string) => restore.mutateAsync({ id }), isPending: restore.isPending },
    label: (doc) => `“${doc.name}”`,
    href: (id) => `/documents/${id}`,
  });
  return {
    // Main opens only document types; a program, script or shortcut is shown in its folder, and we say why.
    open: (id: string, name = 'the file') =>
      open.mutate(
        { id },
        {
          onSuccess: (result) => {
            if ('action' in result && result.action === 'revealed') {
              notifications.show({ color: 'yellow', message: `Rapport does not open programs, scripts or shortcuts: it showed “${name}” in its folder instead.`, autoClose: 8000 });
            }
          },
        },
      ),
    reveal: (id: string) => open.mutate({ id, reveal: true }),
    trash: (id: string) => trash(id),
    restore: (id: string) => restoreOne(id),
  };
}
