// The dialog behind each bulk fix: what it does, what it would change (a count and before/after samples, from a
// preview that writes nothing), and "Fix N contacts". For phones, the country numbers without a code are read as.
import { Alert, Button, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { QualityFixKind } from '../../../../shared/domain/quality';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useApplyQualityFix, useQualityFixPreview } from '../../api/quality';
import { plural } from '../../ui/format';
import { errorText } from '../../ui/notify';
import { countryOptions, FIXES } from './quality-text';

interface Props {
  fix: QualityFixKind | null;
  /** The settings' country: where the country choice starts. */
  defaultCountry: string;
  onClose: () => void;
  onApplied: (result: ChannelOutput<'quality.fix'>, fix: QualityFixKind) => void;
}

export function FixModal({ fix, defaultCountry, onClose, onApplied }: Props) {
  return (
    <Modal opened={fix !== null} onClose={onClose} title={fix ? FIXES[fix].title : ''} size="lg" centered>
      {/* Keyed by fix: each dialog starts from the settings' country and a fresh preview. */}
      {fix && <FixForm key={fix} fix={fix} defaultCountry={defaultCountry} onClose={onClose} onApplied={onApplied} />}
    </Modal>
  );
}

function FixForm({ fix, defaultCountry, onClose, onApplied }: Props & { fix: QualityFixKind }) {
  const [country, setCountry] = useState(defaultCountry);
  const input = fix === 'phonesE164' ? { fix, defaultCountry: country } : { fix };
  const preview = useQualityFixPreview(input);
  const apply = useApplyQualityFix();
  const p = preview.data;

  return (
    <Stack gap="md">
      <Text size="sm">{FIXES[fix].explain}</Text>
      {fix === 'phonesE164' && (
        <Select
          label="Country of numbers written without a country code"
          data={countryOptions(defaultCountry)}
          value={country}
          onChange={(value) => value && setCountry(value)}
          allowDeselect={false}
          searchable
          w={320}
        />
      )}
      {preview.isError && (
        <Alert color="red" title="Could not work out what would change">
          {errorText(preview.error)}
        </Alert>
      )}
      {!p && preview.isFetching && <Loader size="sm" aria-label="Working out what would change" />}
      {p && (
        <>
          <Text fw={600} aria-live="polite">
            {p.count === 0 ? 'Nothing to fix: no contact would change.' : `${plural(p.count, 'contact')} will change`}
          </Text>
          {p.skipped > 0 && (
            <Text size="sm" c="dimmed">
              {plural(p.skipped, 'phone number is', 'phone numbers are')} not a phone number and will be left as {p.skipped === 1 ? 'it is' : 'they are'}.
            </Text>
          )}
          {p.samples.length > 0 && (
            <Table aria-label="Examples of what will change" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Contact</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.samples.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.displayName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.before}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.after}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {p.count > p.samples.length && (
            <Text size="sm" c="dimmed">
              And {plural(p.count - p.samples.length, 'other contact')}.
            </Text>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          disabled={!p || p.count === 0 || preview.isFetching}
          loading={apply.isPending}
          onClick={() => apply.mutate(input, { onSuccess: (result) => onApplied(result, fix) })}
        >
          {p && p.count > 0 ? `Fix ${plural(p.count, 'contact')}` : 'Fix'}
        </Button>
      </Group>
    </Stack>
  );
}
