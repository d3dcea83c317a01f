// Case statuses by category. Built-in ones can be renamed, not removed; the user's own can be added and removed
// (their cases move to the first remaining status of the same category). The category decides the clock: open
// counts, waiting pauses, resolved and closed stop.
import { ActionIcon, Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatusCategory } from '../../../../shared/domain/case';
import { type CaseStatusRow, useCaseStatuses, useUpdateCaseStatuses } from '../../api/cases';
import { notifySuccess } from '../../ui/notify';
import { CATEGORY_LABELS } from '../cases/panels';
import { type IssueMap, issuesByPath } from './issue-map';

const ORDER: StatusCategory[] = ['open', 'waiting', 'resolved', 'closed'];
const CLOCK: Record<StatusCategory, string> = { open: 'the clock counts', waiting: 'the clock pauses', resolved: 'the clock stops', closed: 'the clock stops' };

interface Row {
  id?: string;
  key: string | null;
  name: string;
  category: StatusCategory;
  waitingOn: 'customer' | 'supplier' | null;
}

export function StatusesSettings() {
  const statuses = useCaseStatuses();
  if (!statuses.data) return <Text size="sm">Loading…</Text>;
  return <StatusesForm key={JSON.stringify(statuses.data)} initial={statuses.data.statuses} />;
}

function StatusesForm({ initial }: { initial: CaseStatusRow[] }) {
  const save = useUpdateCaseStatuses();
  const [rows, setRows] = useState<Row[]>(() => initial.map((s) => ({ id: s.id, key: s.key, name: s.name, category: s.category, waitingOn: s.waitingOn })));
  const [adding, setAdding] = useState<StatusCategory>('open');
  const [errors, setErrors] = useState<IssueMap>({});
  const [other, setOther] = useState<string | null>(null);
  // Sorted by category for the request, so each row's index is where its error points.
  const ordered = ORDER.flatMap((c) => rows.filter((r) => r.category === c));
  const submit = () => {
    const kept = new Set(ordered.map((r) => r.id).filter(Boolean));
    const moveCases: Record<string, number> = {};
    for (const s of initial) {
      if (kept.has(s.id)) continue;
      const target = ordered.findIndex((r) => r.category === s.category);
      if (target >= 0) moveCases[s.id] = target;
    }
    setErrors({});
    setOther(null);
    save.mutate(
      { statuses: ordered.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, category: r.category, waitingOn: r.waitingOn })), moveCases },
      {
        onSuccess: () => notifySuccess('Statuses saved'),
        onError: (error) => {
          const found = issuesByPath(error, (p) => /^statuses\.\d+\.name$/.test(p));
          setErrors(found.byPath);
          setOther(found.other);
        },
      },
    );
  };
  return (
    <Stack gap="md">
      {other && <Alert color="red">{other}</Alert>}
      {ORDER.map((category) => (
        <div key={category}>
          <Title order={3} size="h5">
            {CATEGORY_LABELS[category]}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            While a case is {category === 'open' ? 'open' : category}, {CLOCK[category]}.
          </Text>
          <Stack gap={4}>
            {ordered.map((r, index) =>
              r.category !== category ? null : (
                <Group key={r.id ?? `new-${index}`} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`Status name${r.key ? '' : ' (yours)'}`}
                    value={r.name}
                    onChange={(e) => {
                      const name = e.currentTarget.value;
                      setRows((all) => all.map((x) => (x === r ? { ...x, name } : x)));
                    }}
                    error={errors[`statuses.${index}.name`]}
                    w={260}
                    size="sm"
                  />
                  {r.key === null ? (
                    <ActionIcon variant="subtle" color="gray" mt={6} aria-label={`Remove status ${r.name}`} onClick={() => setRows((all) => all.filter((x) => x !== r))}>
                      <IconX size={16} />
                    </ActionIcon>
                  ) : (
                    <Text size="xs" c="dimmed" pt={8}>
                      Built in
                    </Text>
                  )}
                </Group>
              ),
            )}
          </Stack>
        </div>
      ))}
      <Group gap="xs" align="flex-end">
        <Select label="Add a status to" data={ORDER.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={adding} allowDeselect={false} onChange={(v) => v && setAdding(v as StatusCategory)} w={160} />
        <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setRows((all) => [...all, { key: null, name: '', category: adding, waitingOn: adding === 'waiting' ? 'customer' : null }])}>
          Add status
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Cases in a removed status move to the first status of the same category.
      </Text>
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          Save statuses
        </Button>
      </Group>
    </Stack>
  );
}
