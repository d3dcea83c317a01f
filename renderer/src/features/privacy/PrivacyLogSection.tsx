// The privacy log (issue #21): every export, erasure, consent change and request handled, with its time and kind,
// in words that name no one (the log keeps no personal data, so it survives an erasure).
import { Badge, Button, Loader, Table, Text, Title } from '@mantine/core';
import { usePrivacyLog } from '../../api/privacy';
import { LOG_KIND_LABELS, when } from './privacy-text';

export function PrivacyLogSection() {
  const log = usePrivacyLog();
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="privacy-log-title">
      <Title order={2} size="h4" id="privacy-log-title" mb={4}>
        Privacy log
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        What was done and when, without naming anyone: it stays after a person is erased.
      </Text>
      {log.isPending && <Loader size="sm" aria-label="Loading the privacy log" />}
      {log.isError && <Text size="sm">The privacy log could not be loaded.</Text>}
      {log.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing logged yet.
        </Text>
      )}
      {items.length > 0 && (
        <Table aria-label="Privacy log" striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>When</Table.Th>
              <Table.Th w={160}>Kind</Table.Th>
              <Table.Th>What was done</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{when(e.at)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {LOG_KIND_LABELS[e.kind] ?? e.kind}
                  </Badge>
                </Table.Td>
                <Table.Td>{e.summary}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button mt="sm" variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Show more
        </Button>
      )}
    </section>
  );
}
