// Today's "Cases due" section: active cases overdue or due within 24 hours, soonest first. Hidden when none.
import { Anchor, Group, Title } from '@mantine/core';
import { Link } from 'wouter';
import { useCaseList } from '../../api/cases';
import { CaseTable } from './CaseTable';

const FILTER = { category: 'active', sort: 'due', dueWithinHours: 24, limit: 20 } as const;

export function CasesDue() {
  const list = useCaseList(FILTER);
  const count = list.data?.pages[0]?.total ?? 0;
  if (count === 0) return null;
  return (
    <section aria-label="Cases due">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Cases due ({count})
        </Title>
        <Anchor component={Link} href="/cases" size="sm">
          All cases
        </Anchor>
      </Group>
      <CaseTable filter={FILTER} label="Cases due" empty={null} />
    </section>
  );
}
