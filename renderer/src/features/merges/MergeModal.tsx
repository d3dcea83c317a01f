// Merging 2–10 contacts or companies into one (issue #20): loads the records, shows the grid of what differs, and
// merges with the values picked. Success says so with Undo and opens the survivor (or tells the caller). Used by
// the duplicates view and record pages through merges/panels.ts.
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useLocation } from 'wouter';
import type { ContactKind } from '../../../../shared/domain/contact';
import type { CustomValue } from '../../../../shared/domain/custom-fields';
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import { IpcError } from '../../../../shared/ipc/errors';
import { useFieldDefinitions } from '../../api/fields';
import { useMerge, useMergeRecords, useMergeUndo } from '../../api/merges';
import { errorText } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import { KIND_LABELS } from '../contacts/panels';
import { customValueText } from '../fields/panels';
import { MergeGrid } from './MergeGrid';
import { buildMergeInput, type CustomFieldSpec, defaultSurvivor, gridRows, type MergeRecord, type Picks, resultName, summaryText, unitedRows } from './merge-grid';
import { notifyMergeUndone } from './UndoMergeModal';

export interface MergeModalProps {
  kind: DuplicateKind;
  /** The records to merge, 2 to 10. */
  ids: readonly string[];
  onClose: () => void;
  /** Called instead of opening the survivor's page. */
  onMerged?: (mergeId: string, survivorId: string) => void;
}

export function MergeModal({ kind, ids, onClose, onMerged }: MergeModalProps) {
  const noun = kind === 'contact' ? 'contacts' : 'companies';
  return (
    <Modal opened onClose={onClose} title={`Merge ${ids.length} ${noun}`} size={ids.length > 3 ? '100%' : 'xl'}>
      <MergeBody kind={kind} ids={ids} onClose={onClose} onMerged={onMerged} />
    </Modal>
  );
}

function MergeBody({ kind, ids, onClose, onMerged }: MergeModalProps) {
  const { records, isError } = useMergeRecords(kind, ids);
  const definitions = useFieldDefinitions(kind, 'all');
  if (isError) return <Text>One of these records could not be opened: it may have been merged or deleted meanwhile.</Text>;
  if (!records || definitions.isPending) {
    return (
      <Group justify="center" p="lg">
        <Loader size="sm" aria-label="Loading the records" />
      </Group>
    );
  }
  const customFields = (definitions.data ?? []).map(
    (d): CustomFieldSpec => ({ key: d.key, label: d.label, text: (value) => customValueText(d, value as CustomValue) }),
  );
  return <MergeForm kind={kind} records={records} customFields={customFields} onClose={onClose} onMerged={onMerged} />;
}

interface FormProps extends Omit<MergeModalProps, 'ids'> {
  records: readonly MergeRecord[];
  customFields: readonly CustomFieldSpec[];
}

function MergeForm({ kind, records, customFields, onClose, onMerged }: FormProps) {
  const [, navigate] = useLocation();
  const merge = useMerge(kind);
  const undo = useMergeUndo();
  const [keep, setKeep] = useState(() => defaultSurvivor(kind, records));
  const [picks, setPicks] = useState<Picks>({});
  const rows = useMemo(() => gridRows(kind, records, { customFields, kindLabel: (k) => KIND_LABELS[k as ContactKind] ?? k }), [kind, records, customFields]);
  const united = useMemo(() => unitedRows(kind, records), [kind, records]);
  const name = resultName(kind, records, rows, picks, keep);
  // Main's sentences say what to do ("Together these have 25 email addresses…"); a path such as "ids" would not.
  const invalid =
    merge.error instanceof IpcError && merge.error.code === 'VALIDATION'
      ? [...new Set(merge.error.issues.map((i) => i.message))].join(' ') || errorText(merge.error)
      : null;

  const submit = () => {
    const names = new Map(records.map((r) => [r.id, 'displayName' in r ? r.displayName : r.name]));
    merge.mutate(buildMergeInput(records, keep, rows, picks), {
      onSuccess: ({ mergeId, survivorId }) => {
        showUndoNotification({ id: `merge-${mergeId}`, message: `Merged into ${name}`, onUndo: () => undoMerge(mergeId, names) });
        // Closed for certain before the survivor's page loads: a lazy page holds the whole update (this close with it)
        // while it loads, and the dialog's queries would then ask for the merged-away records, which are gone.
        flushSync(onClose);
        if (onMerged) onMerged(mergeId, survivorId);
        else navigate(`/${kind === 'contact' ? 'contacts' : 'companies'}/${survivorId}`);
      },
    });
  };

  // From the toast, after this dialog has gone: a promise, since mutate's own callbacks never run once it unmounted.
  const undoMerge = (mergeId: string, names: ReadonlyMap<string, string>) =>
    void undo
      .mutateAsync(mergeId)
      .then((result) => notifyMergeUndone(mergeId, kind, result, names))
      // The failure is told by the query client's notification, in the app's words.
      .catch(() => undefined);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The record you keep keeps its id and history; Rapport suggests the {kind === 'company' ? 'one with the most people, then the oldest' : 'oldest'}.
          Choose a value where the records differ.
        </Text>
        <MergeGrid
          kind={kind}
          records={records}
          rows={rows}
          united={united}
          survivorId={keep}
          picks={picks}
          onKeep={setKeep}
          onPick={(field, id) => setPicks((p) => ({ ...p, [field]: id }))}
        />
        {invalid && (
          <Alert color="red" title="The merge was not made" role="alert">
            {invalid}
          </Alert>
        )}
        <Text fw={500}>{summaryText(kind, records.length, name)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={merge.isPending}>
            Merge
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
