// "Jobs by Job type" (issue #19): the jobs added in the period grouped by one of the user's choice fields on jobs,
// picked here; each count opens the jobs behind it. Shown only when jobs have a choice field.
import { Badge, Group, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CHOICE_TYPES } from '../../../../shared/domain/custom-fields';
import { useFieldDefinitions } from '../../api/fields';
import { useJobBreakdown } from '../../api/reports';
import { formatCount } from '../../ui/format';
import { FigureLink } from './Figure';
import { moneyText } from './report-format';
import { recordsHref } from './report-period';
import classes from './Reports.module.css';

export function BreakdownSection({ from, to, currency }: { from: string; to: string; currency?: string | undefined }) {
  const fields = useFieldDefinitions('job');
  const choiceFields = (fields.data ?? []).filter((f) => CHOICE_TYPES.has(f.type));
  const [picked, setPicked] = useState<string | null>(null);
  const field = choiceFields.find((f) => f.id === picked) ?? choiceFields[0];
  const breakdown = useJobBreakdown(field ? { from, to, fieldId: field.id, ...(currency ? { currency } : {}) } : null);
  if (!field) return null;
  const b = breakdown.data?.field.id === field.id ? breakdown.data : undefined;
  return (
    <section className={classes.section} aria-label={`Jobs by ${field.label}`}>
      <Group justify="space-between" align="end" mb="xs">
        <Title order={2} size="h4">
          Jobs by {field.label}
        </Title>
        {choiceFields.length > 1 && (
          <Select
            aria-label="Break jobs down by"
            data={choiceFields.map((f) => ({ value: f.id, label: f.label }))}
            value={field.id}
            onChange={(id) => setPicked(id)}
            allowDeselect={false}
            w={200}
          />
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Jobs added in the period{field.type === 'choices' ? '; a job with several choices counts under each' : ''}.
      </Text>
      {b && b.jobs === 0 ? (
        <Text size="sm" c="dimmed">
          No jobs were added in this period.
        </Text>
      ) : (
        b && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{field.label}</Table.Th>
                <Table.Th>Jobs</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Won</Table.Th>
                <Table.Th>Won value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.rows.map((r) => (
                <Table.Tr key={r.optionId ?? ''}>
                  <Table.Td>
                    <Group gap={6}>
                      {r.label}
                      {r.archived && (
                        <Badge size="xs" variant="light" color="gray">
                          archived
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <FigureLink
                      href={recordsHref({ metric: 'fieldJobs', fieldId: field.id, option: r.optionId ?? '', from, to, currency })}
                      label={`Jobs with ${field.label} ${r.label}: show records`}
                    >
                      {formatCount(r.jobs)}
                    </FigureLink>
                  </Table.Td>
                  <Table.Td>{moneyText(r.totals)}</Table.Td>
                  <Table.Td>{formatCount(r.won)}</Table.Td>
                  <Table.Td>{moneyText(r.wonTotals)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      )}
    </section>
  );
}
