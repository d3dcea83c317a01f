// The rows of a list's filter form that hold conditions on the user's own fields (issue #19): one row per
// condition (field, how it compares, the value or range), and a picker that adds one. The form around it applies them.
import { CloseButton, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { type CustomDraft, type CustomOp, describeFilter, newDraft, OP_LABELS, opsFor, toFilter } from './custom-filter-draft';

interface Props {
  definitions: readonly FieldDefinition[];
  drafts: readonly CustomDraft[];
  onChange: (drafts: CustomDraft[]) => void;
  /** After a try to apply: each unfinished row says what it needs. */
  showErrors: boolean;
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function CustomFilterEditor({ definitions, drafts, onChange, showErrors }: Props) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const set = (i: number, patch: Partial<CustomDraft>) => onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const remove = (i: number) => onChange(drafts.filter((_, j) => j !== i));
  if (definitions.length === 0 && drafts.length === 0) return null;
  return (
    <Stack gap={6} role="group" aria-label="Conditions on your fields">
      {drafts.map((draft, i) => {
        const def = byKey.get(draft.key);
        const result = toFilter(def, draft);
        const label = def?.label ?? draft.key;
        return (
          <Group key={`${draft.key}-${i}`} gap={6} wrap="nowrap" align="flex-start">
            {draft.kept || !def ? (
              <Text size="sm" flex={1} pt={6}>
                {describeFilter(def, draft.kept ?? { key: draft.key, op: 'empty' })}
                <Text span size="xs" c="dimmed"> (field not shown any more)</Text>
              </Text>
            ) : (
              <ConditionRow def={def} draft={draft} onChange={(patch) => set(i, patch)} error={showErrors && !result.ok ? result.error : undefined} />
            )}
            <CloseButton mt={4} aria-label={`Remove the condition on ${label}`} onClick={() => remove(i)} />
          </Group>
        );
      })}
      {definitions.length > 0 && (
        <Select
          aria-label="Add a condition on one of your fields"
          placeholder="Add a condition on one of your fields…"
          data={definitions.map((d) => ({ value: d.key, label: d.label }))}
          value={null}
          onChange={(key) => {
            const def = key ? byKey.get(key) : undefined;
            if (def) onChange([...drafts, newDraft(def)]);
          }}
          size="sm"
          comboboxProps={{ withinPortal: false }}
        />
      )}
    </Stack>
  );
}

function ConditionRow({ def, draft, onChange, error }: { def: FieldDefinition; draft: CustomDraft; onChange: (patch: Partial<CustomDraft>) => void; error: string | undefined }) {
  const ops = opsFor(def.type);
  const inputType = def.type === 'date' || def.type === 'dateTime' ? 'date' : 'text';
  const unit = def.type === 'money' ? ` (${def.currency ?? 'GBP'})` : '';
  const value = (() => {
    switch (draft.op) {
      case 'contains':
      case 'equals':
        return def.type === 'boolean' ? (
          <Select aria-label={def.label} data={YES_NO} value={draft.text} onChange={(v) => onChange({ text: v ?? 'yes' })} allowDeselect={false} comboboxProps={{ withinPortal: false }} flex={1} error={error} />
        ) : (
          <TextInput aria-label={`${def.label} ${OP_LABELS[draft.op]}${unit}`} type={inputType} value={draft.text} onChange={(e) => onChange({ text: e.currentTarget.value })} flex={1} error={error} />
        );
      case 'between':
        return (
          <Stack gap={2} flex={1}>
            <Group gap={4} wrap="nowrap">
              <TextInput aria-label={`${def.label} from${unit}`} placeholder="From" type={inputType} value={draft.min} onChange={(e) => onChange({ min: e.currentTarget.value })} flex={1} />
              <TextInput aria-label={`${def.label} to${unit}`} placeholder="To" type={inputType} value={draft.max} onChange={(e) => onChange({ max: e.currentTarget.value })} flex={1} />
            </Group>
            {error && (
              <Text size="xs" c="red" role="alert">
                {error}
              </Text>
            )}
          </Stack>
        );
      case 'anyOf':
        return (
          <MultiSelect
            aria-label={`${def.label} choices`}
            placeholder="Choose…"
            data={def.options.filter((o) => !o.archived || draft.values.includes(o.id)).map((o) => ({ value: o.id, label: o.label }))}
            value={draft.values}
            onChange={(values) => onChange({ values })}
            comboboxProps={{ withinPortal: false }}
            flex={1}
            error={error}
          />
        );
      default:
        return <div style={{ flex: 1 }} />;
    }
  })();
  return (
    <>
      <Text size="sm" fw={500} w={110} pt={6} truncate title={def.label}>
        {def.label}
      </Text>
      {ops.length > 1 ? (
        <Select
          aria-label={`How ${def.label} compares`}
          data={ops.map((op) => ({ value: op, label: OP_LABELS[op] }))}
          value={draft.op}
          onChange={(op) => op && onChange({ op: op as CustomOp })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          w={120}
        />
      ) : (
        <Text size="sm" pt={6} w={120}>
          {OP_LABELS[draft.op]}
        </Text>
      )}
      {value}
    </>
  );
}
