// The records behind one count, by name, each with what is wrong in words and a link to open it. Paged: "Show more"
// loads the next hundred. An empty list says all is well.
import { Button, CloseButton, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { QualityCheck } from '../../../../shared/domain/quality';
import { useQualityList } from '../../api/quality';
import { Empty } from '../../ui/Empty';
import { formatCount } from '../../ui/format';

interface Props {
  check: QualityCheck;
  title: string;
  untouchedYears: number;
  onClose: () => void;
}

export function QualityList({ check, title, untouchedYears, onClose }: Props) {
  const list = useQualityList(check, untouchedYears);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a list moves the keyboard to it, so a screen reader says what was opened.
  useEffect(() => heading.current?.focus(), [check]);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <section aria-labelledby="quality-list-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id="quality-list-title" ref={heading} tabIndex={-1}>
          {title}
          {total !== undefined && ` (${formatCount(total)})`}
        </Title>
        <CloseButton aria-label="Close the list" onClick={onClose} />
      </Group>
      {list.isPending && <Loader size="sm" aria-label="Loading the list" />}
      {list.data && items.length === 0 && <Empty title="All is well" description="Nothing here needs your attention." />}
      {items.length > 0 && (
        <Table aria-label={title} striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>What needs care</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Link href={item.kind === 'company' ? `/companies/${item.id}` : `/contacts/${item.id}`}>{item.displayName}</Link>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.problem}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button mt="sm" variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more
        </Button>
      )}
    </section>
  );
}
