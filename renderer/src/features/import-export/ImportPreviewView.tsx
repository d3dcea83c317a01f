// The preview of a picked file, before anything is saved: the layout and encoding read (with a selector when the
// encoding reads wrong, or was a guess), the column mapping, the first rows with each one's problem and warnings,
// and what happens to people already here.
import { Alert, Button, Group, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ImportEncoding, type DuplicatePolicy, type MappingEntry } from '../../../../shared/domain/transfer';
import type { ImportPreview } from '../../api/import-export';
import { MappingTable } from './MappingTable';
import { DELIMITER_LABELS, DIALECT_LABELS, ENCODING_LABELS, encodingLabel } from './import-export-labels';

const ENCODINGS = ImportEncoding.options.map((value) => ({ value, label: ENCODING_LABELS[value] }));

interface Props {
  preview: ImportPreview;
  mapping: MappingEntry[];
  onMapping: (m: MappingEntry[]) => void;
  onEncoding: (e: ImportEncoding) => void;
  duplicates: DuplicatePolicy;
  onDuplicates: (d: DuplicatePolicy) => void;
  onRun: () => void;
  onCancel: () => void;
  busy: boolean;
}

export function ImportPreviewView({ preview, mapping, onMapping, onEncoding, duplicates, onDuplicates, onRun, onCancel, busy }: Props) {
  const first = preview.sample[0];
  const example = (column: string) => first?.cells[preview.columns.indexOf(column)] ?? '';
  const values = (column: string) => preview.sample.map((r) => r.cells[preview.columns.indexOf(column)] ?? '');
  const problems = new Map(preview.problems.map((p) => [p.line, p.reason]));
  const warnings = new Map<number, string[]>();
  for (const w of preview.warnings) warnings.set(w.line, [...(warnings.get(w.line) ?? []), w.reason]);
  // A vCard's warnings may sit on a line inside a card: list those under the card that starts before them.
  const lines = preview.sample.map((r) => r.line);
  const rowOf = (line: number) => lines.filter((l) => l <= line).at(-1) ?? line;
  const warningsByRow = new Map<number, string[]>();
  for (const [line, reasons] of warnings) warningsByRow.set(rowOf(line), [...(warningsByRow.get(rowOf(line)) ?? []), ...reasons.map((r) => (rowOf(line) === line ? r : `Line ${line}: ${r}`))]);
  const nothingMapped = preview.format === 'csv' && mapping.every((m) => m.target === null);
  return (
    <Stack gap="md">
      <Text>
        <strong>{DIALECT_LABELS[preview.dialect]}</strong>, {encodingLabel(preview.encoding)}
        {preview.format === 'csv' && `, separated by ${DELIMITER_LABELS[preview.delimiter] ?? preview.delimiter}`}
      </Text>
      <Group align="flex-end">
        <Select
          label="Encoding"
          aria-label="Encoding"
          description={preview.encodingGuessed ? 'A guess: nothing in the file says which it is. If letters look wrong below, choose another.' : 'If letters look wrong below, choose another.'}
          data={ENCODINGS}
          value={preview.encoding}
          onChange={(v) => v && onEncoding(v as ImportEncoding)}
          allowDeselect={false}
          searchable
          disabled={busy}
          w={320}
        />
      </Group>
      {preview.encodingGuessed && (
        <Alert variant="light" color="yellow" title="Encoding guessed">
          The file does not say how its text is encoded, and it is not UTF-8: Rapport read it as {encodingLabel(preview.encoding)}.
        </Alert>
      )}
      {preview.format === 'csv' && (
        <>
          <Title order={2} size="h4">
            Columns
          </Title>
          <MappingTable mapping={mapping} example={example} values={values} onChange={onMapping} />
        </>
      )}
      <Title order={2} size="h4">
        First rows
      </Title>
      <Table withTableBorder aria-label="First rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.name || <Text c="dimmed">(no name)</Text>}</Table.Td>
              <Table.Td>
                {problems.get(row.line) ? <Text c="red" size="sm">{problems.get(row.line)}</Text> : !warningsByRow.has(row.line) && <Text c="teal" size="sm">OK</Text>}
                {warningsByRow.get(row.line)?.map((w, i) => (
                  <Text c="orange.8" size="sm" key={i}>
                    {w}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Radio.Group label="People already in Rapport (same email, or same name with the same phone or company; see the README)" value={duplicates} onChange={(v) => onDuplicates(v as DuplicatePolicy)}>
        <Stack gap={6} mt="xs">
          <Radio value="skip" label="Skip them (safest; importing the same file again adds nothing)" />
          <Radio value="update" label="Update them with the file's values (you see every change before it is saved)" />
          <Radio value="create" label="Create them anyway, as new contacts" />
        </Stack>
      </Radio.Group>
      <Group>
        <Button onClick={onRun} disabled={nothingMapped || busy} loading={busy}>
          {duplicates === 'update' ? 'Review changes' : 'Import'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Choose another file
        </Button>
      </Group>
    </Stack>
  );
}
