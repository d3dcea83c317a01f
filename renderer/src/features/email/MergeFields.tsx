// The merge fields a message may use, as buttons that insert one where the cursor is: the built-in ones and the
// contacts' own fields ({{custom.gateCode}}, issue #19), from the same list main checks against.
import { Button, Group, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { MERGE_FIELDS, customMergeField, type MergeField } from '../../../../shared/domain/merge-fields';
import { useFieldDefinitions } from '../../api/fields';

const LABELS: Record<MergeField, string> = {
  firstName: 'First name', lastName: 'Last name', name: 'Name', email: 'Email', company: 'Company', jobTitle: 'Job title',
  'job.title': 'Job', 'job.amount': 'Job amount', 'job.stage': 'Job stage', 'job.dueDate': 'Job due date',
};

interface Props {
  /** The text box the field goes into, at its cursor (at the end when it never had focus). */
  target: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** Job fields only make sense where the message is about a job. */
  withJob?: boolean;
}

export function MergeFields({ target, value, onChange, withJob = true }: Props) {
  const custom = useFieldDefinitions('contact').data ?? [];
  const insert = (field: string) => {
    const token = `{{${field}}}`;
    const el = target.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const fields = [
    ...MERGE_FIELDS.filter((f) => withJob || !f.startsWith('job.')).map((f) => ({ field: f as string, label: LABELS[f] })),
    ...custom.map((f) => ({ field: customMergeField(f.key), label: f.label })),
  ];
  return (
    <Group gap={4} role="group" aria-label="Merge fields">
      <Text size="xs" c="dimmed" mr={4}>
        Insert a merge field:
      </Text>
      {fields.map(({ field, label }) => (
        <Button key={field} size="compact-xs" variant="default" title={`{{${field}}}`} onClick={() => insert(field)}>
          {label}
        </Button>
      ))}
    </Group>
  );
}
