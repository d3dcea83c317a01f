// Targets per priority, in business hours (first response and resolution), overrides for a case type or a company
// tag (blank hours keep the priority's own target), and how many days after resolution a reply reopens a case.
import { ActionIcon, Alert, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CasePriority } from '../../../../shared/domain/case';
import type { ServiceTargets } from '../../../../shared/domain/service';
import { useServiceTargets, useUpdateServiceTargets } from '../../api/service';
import { notifySuccess } from '../../ui/notify';
import { PRIORITY_LABELS, TYPE_LABELS, options } from '../cases/panels';
import { type IssueMap, issuesByPath } from './issue-map';

const PRIORITIES: CasePriority[] = ['urgent', 'high', 'normal', 'low'];
type Hours = number | '';
type Pair = { response: Hours; resolution: Hours };
interface OverrideDraft {
  type: string | null;
  companyTag: string;
  byPriority: Record<CasePriority, Pair>;
}
interface Draft {
  byPriority: Record<CasePriority, Pair>;
  overrides: OverrideDraft[];
  reopenWithinDays: number | '';
}

const toHours = (minutes: number | undefined): Hours => (minutes === undefined ? '' : Math.round((minutes / 60) * 100) / 100);
const toMinutes = (hours: Hours) => (hours === '' ? NaN : Math.round(hours * 60));
const blankPairs = (): Record<CasePriority, Pair> => ({ low: { response: '', resolution: '' }, normal: { response: '', resolution: '' }, high: { response: '', resolution: '' }, urgent: { response: '', resolution: '' } });

function toDraft(t: ServiceTargets): Draft {
  const pairs = (by: Partial<ServiceTargets['byPriority']>) => {
    const out = blankPairs();
    for (const p of PRIORITIES) out[p] = { response: toHours(by[p]?.responseMinutes), resolution: toHours(by[p]?.resolutionMinutes) };
    return out;
  };
  return {
    byPriority: pairs(t.byPriority),
    overrides: t.overrides.map((o) => ({ type: o.type ?? null, companyTag: o.companyTag ?? '', byPriority: pairs(o.byPriority) })),
    reopenWithinDays: t.reopenWithinDays,
  };
}

function fromDraft(d: Draft): ServiceTargets {
  const full = (pair: Pair) => ({ responseMinutes: toMinutes(pair.response), resolutionMinutes: toMinutes(pair.resolution) });
  return {
    byPriority: { low: full(d.byPriority.low), normal: full(d.byPriority.normal), high: full(d.byPriority.high), urgent: full(d.byPriority.urgent) },
    overrides: d.overrides.map((o) => ({
      type: (o.type as ServiceTargets['overrides'][number]['type']) ?? null,
      companyTag: o.companyTag.trim() || null,
      // A row with both hours blank keeps the priority's own target.
      byPriority: Object.fromEntries(PRIORITIES.filter((p) => o.byPriority[p].response !== '' || o.byPriority[p].resolution !== '').map((p) => [p, full(o.byPriority[p])])),
    })),
    reopenWithinDays: d.reopenWithinDays === '' ? NaN : d.reopenWithinDays,
  };
}

export function TargetsSettings() {
  const targets = useServiceTargets();
  if (!targets.data) return <Text size="sm">Loading…</Text>;
  return <TargetsForm key={JSON.stringify(targets.data)} initial={targets.data} />;
}

function HoursInput({ label, value, onChange, error }: { label: string; value: Hours; onChange: (v: Hours) => void; error?: string | undefined }) {
  return <NumberInput aria-label={label} size="xs" min={0} step={1} decimalScale={2} value={value} onChange={(v) => onChange(v === '' ? '' : Number(v))} error={error} w={100} rightSection={<Text size="xs">h</Text>} />;
}

function TargetsForm({ initial }: { initial: ServiceTargets }) {
  const save = useUpdateServiceTargets();
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<IssueMap>({});
  const [other, setOther] = useState<string | null>(null);
  const err = (path: string) => errors[path];
  const setPair = (path: (d: Draft) => Record<CasePriority, Pair>, p: CasePriority, key: keyof Pair, v: Hours) =>
    setDraft((d) => {
      const next = structuredClone(d);
      path(next)[p][key] = v;
      return next;
    });
  return (
    <form
      aria-label="Targets"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        setOther(null);
        save.mutate(fromDraft(draft), {
          onSuccess: () => notifySuccess('Targets saved; open cases’ due times follow them'),
          onError: (error) => {
            const found = issuesByPath(error, (p) => p.startsWith('byPriority.') || p.startsWith('overrides.') || p === 'reopenWithinDays');
            setErrors(found.byPath);
            setOther(found.other);
          },
        });
      }}
    >
      <Stack gap="md">
        {other && <Alert color="red">{other}</Alert>}
        <Table aria-label="Targets by priority" w="fit-content">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              <Table.Th>First response</Table.Th>
              <Table.Th>Resolution</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PRIORITIES.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{PRIORITY_LABELS[p]}</Table.Td>
                <Table.Td>
                  <HoursInput label={`${PRIORITY_LABELS[p]} first response, hours`} value={draft.byPriority[p].response} onChange={(v) => setPair((d) => d.byPriority, p, 'response', v)} error={err(`byPriority.${p}.responseMinutes`)} />
                </Table.Td>
                <Table.Td>
                  <HoursInput label={`${PRIORITY_LABELS[p]} resolution, hours`} value={draft.byPriority[p].resolution} onChange={(v) => setPair((d) => d.byPriority, p, 'resolution', v)} error={err(`byPriority.${p}.resolutionMinutes`)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Hours of business time, counted on the business calendar.
        </Text>
        <div>
          <Title order={3} size="h5" mb="xs">
            Other targets for a type or a company tag
          </Title>
          <Stack gap="sm">
            {draft.overrides.map((o, i) => (
              <Stack key={i} gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
                <Group gap="xs" align="flex-end">
                  <Select label="Case type" placeholder="Any type" clearable data={options(TYPE_LABELS)} value={o.type} onChange={(v) => setDraft((d) => ({ ...d, overrides: d.overrides.map((x, j) => (j === i ? { ...x, type: v } : x)) }))} w={160} size="xs" />
                  <TextInput label="Company tag" placeholder="Any company" value={o.companyTag} onChange={(e) => { const tag = e.currentTarget.value; setDraft((d) => ({ ...d, overrides: d.overrides.map((x, j) => (j === i ? { ...x, companyTag: tag } : x)) })); }} error={err(`overrides.${i}.companyTag`)} w={180} size="xs" />
                  <ActionIcon variant="subtle" color="gray" aria-label={`Remove other target ${i + 1}`} onClick={() => setDraft((d) => ({ ...d, overrides: d.overrides.filter((_, j) => j !== i) }))} mb={4}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
                <Group gap="md" wrap="wrap">
                  {PRIORITIES.map((p) => (
                    <Group key={p} gap={4} wrap="nowrap">
                      <Text size="xs" w={50}>
                        {PRIORITY_LABELS[p]}
                      </Text>
                      <HoursInput label={`Other target ${i + 1}, ${PRIORITY_LABELS[p]} first response, hours`} value={o.byPriority[p].response} onChange={(v) => setPair((d) => d.overrides[i]!.byPriority, p, 'response', v)} error={err(`overrides.${i}.byPriority.${p}.responseMinutes`)} />
                      <HoursInput label={`Other target ${i + 1}, ${PRIORITY_LABELS[p]} resolution, hours`} value={o.byPriority[p].resolution} onChange={(v) => setPair((d) => d.overrides[i]!.byPriority, p, 'resolution', v)} error={err(`overrides.${i}.byPriority.${p}.resolutionMinutes`)} />
                    </Group>
                  ))}
                </Group>
              </Stack>
            ))}
            <Button variant="default" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setDraft((d) => ({ ...d, overrides: [...d.overrides, { type: null, companyTag: '', byPriority: blankPairs() }] }))}>
              Add other targets
            </Button>
          </Stack>
        </div>
        <NumberInput
          label="Reopen window"
          description="A reply within this many days of resolution reopens the case; a later one starts a new, linked case."
          min={0}
          max={365}
          allowDecimal={false}
          value={draft.reopenWithinDays}
          onChange={(v) => setDraft((d) => ({ ...d, reopenWithinDays: v === '' ? '' : Number(v) }))}
          error={err('reopenWithinDays')}
          rightSection={<Text size="xs">days</Text>}
          w={360}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save targets
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
