// Pipeline settings: rename, add, reorder and remove stages (saying where a removed stage's jobs go), and the
// default currency. Everything is saved at once with jobs.settings.update.
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconPlus, IconSettings, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Stage, StageCategory } from '../../../../shared/domain/job';
import { usePipeline, useUpdatePipeline } from '../../api/jobs';
import { errorText, notifySuccess } from '../../ui/notify';

interface Draft {
  key: string;
  id?: string;
  name: string;
  category: StageCategory;
}

const CATEGORIES: { value: StageCategory; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'paid', label: 'Paid' },
  { value: 'lost', label: 'Lost' },
];

export function PipelineSettingsButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const pipeline = usePipeline();
  return (
    <>
      <Button variant="default" leftSection={<IconSettings size={16} />} onClick={open} disabled={!pipeline.data}>
        Pipeline
      </Button>
      <Modal opened={opened && !!pipeline.data} onClose={close} title="Pipeline settings" size="lg">
        {pipeline.data && <PipelineEditor stages={pipeline.data.stages} defaultCurrency={pipeline.data.defaultCurrency} onDone={close} />}
      </Modal>
    </>
  );
}

function PipelineEditor({ stages, defaultCurrency, onDone }: { stages: Stage[]; defaultCurrency: string; onDone: () => void }) {
  const update = useUpdatePipeline();
  const [rows, setRows] = useState<Draft[]>(() => stages.map((s) => ({ key: s.id, id: s.id, name: s.name, category: s.category })));
  const [currency, setCurrency] = useState(defaultCurrency);
  const [error, setError] = useState<string | null>(null);
  // Removed stage id -> the key of the row its jobs go to.
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const removed = stages.filter((s) => !rows.some((r) => r.id === s.id));

  const swap = (i: number, j: number) => setRows((all) => all.map((r, k) => (k === i ? all[j]! : k === j ? all[i]! : r)));
  const save = async () => {
    setError(null);
    const moveJobs: Record<string, number> = {};
    for (const s of removed) moveJobs[s.id] = Math.max(0, rows.findIndex((r) => r.key === (moveTo[s.id] ?? rows[0]?.key)));
    try {
      await update.mutateAsync({ stages: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, category: r.category })), moveJobs, defaultCurrency: currency });
      notifySuccess('Pipeline saved');
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Stack gap="sm">
      {rows.map((row, i) => (
        <Group key={row.key} gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Stage ${i + 1} name`}
            value={row.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setRows((all) => all.map((r) => (r.key === row.key ? { ...r, name } : r)));
            }}
            flex={1}
          />
          <Select
            aria-label={`Stage ${i + 1} category`}
            data={CATEGORIES}
            value={row.category}
            allowDeselect={false}
            onChange={(v) => v && setRows((all) => all.map((r) => (r.key === row.key ? { ...r, category: v as StageCategory } : r)))}
            w={110}
          />
          <ActionIcon variant="subtle" aria-label={`Move ${row.name} up`} disabled={i === 0} onClick={() => swap(i, i - 1)}>
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={`Move ${row.name} down`} disabled={i === rows.length - 1} onClick={() => swap(i, i + 1)}>
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${row.name}`} disabled={rows.length <= 2} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setRows((all) => [...all, { key: crypto.randomUUID(), name: 'New stage', category: 'open' }])}>
          Add stage
        </Button>
      </Group>
      {removed.map((s) => (
        <Select
          key={s.id}
          label={`Jobs in “${s.name}” go to`}
          data={rows.map((r) => ({ value: r.key, label: r.name || '(unnamed)' }))}
          value={moveTo[s.id] ?? rows[0]?.key ?? null}
          allowDeselect={false}
          onChange={(v) => v && setMoveTo((m) => ({ ...m, [s.id]: v }))}
        />
      ))}
      <TextInput label="Default currency" description="Board totals are in this currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} w={200} />
      {error && (
        <Alert color="red" role="alert">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={update.isPending}>
          Save pipeline
        </Button>
      </Group>
    </Stack>
  );
}
