// "Update" shows what it will change before it runs: the dry run's counts and, for each row that would update a
// contact, the contact, why it matched and each field before -> after. Nothing is saved until Import.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ImportCheck } from '../../api/import-export';
import { MatchedTable } from './MatchedTable';
import { formatCount, plural } from '../../ui/format';

interface Props {
  check: ImportCheck;
  onConfirm: () => void;
  onBack: () => void;
}

export function ImportReview({ check, onConfirm, onBack }: Props) {
  const updates = check.matched.filter((m) => m.action === 'updated');
  const skips = check.matched.filter((m) => m.action === 'skipped');
  return (
    <Stack gap="md" aria-label="Review the import">
      <Title order={2} size="h4">
        What this import will do
      </Title>
      <Text aria-live="polite">
        {plural(check.rows, 'row')}: {formatCount(check.created)} new, {formatCount(check.updated)} updated, {formatCount(check.skipped)} skipped, {formatCount(check.rejectedCount)} rejected.
      </Text>
      {check.updated === 0 && <Alert variant="light">No contact already here will change.</Alert>}
      {updates.length > 0 && (
        <>
          <Title order={3} size="h5">
            Contacts that will change
          </Title>
          <MatchedTable rows={updates} label="Changes before import" />
        </>
      )}
      {skips.length > 0 && (
        <>
          <Title order={3} size="h5">
            Rows that match someone and bring nothing new (skipped)
          </Title>
          <MatchedTable rows={skips} label="Skipped before import" />
        </>
      )}
      {check.matched.length < check.updated + check.skipped && (
        <Text size="sm" c="dimmed">
          The first {formatCount(check.matched.length)} matched rows are listed; the report names them all.
        </Text>
      )}
      <Group>
        <Button onClick={onConfirm}>Import and update</Button>
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
