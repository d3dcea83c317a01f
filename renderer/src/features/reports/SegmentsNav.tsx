// Saved segments in the sidebar, each with its live count (refreshed on every data change); one opens the
// contacts list filtered by it.
import { Badge, NavLink, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { Link, useSearch } from 'wouter';
import { useSegments } from '../../api/reports';
import { formatCount, plural } from '../../ui/format';

export function SegmentsNav({ onNavigate }: { onNavigate: () => void }) {
  const segments = useSegments();
  const search = useSearch();
  const items = segments.data?.items ?? [];
  if (items.length === 0) return null;
  const current = new URLSearchParams(search).get('segment');
  return (
    <nav aria-label="Saved segments">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" mt="md" mb={4}>
        Segments
      </Text>
      {items.map((s) => (
        <NavLink
          key={s.id}
          component={Link}
          href={`/contacts?segment=${s.id}`}
          label={s.name}
          aria-label={`${s.name}, ${plural(s.count, 'contact')}`}
          leftSection={<IconFilter size={16} stroke={1.6} aria-hidden />}
          rightSection={
            <Badge size="sm" variant="light" color="gray" aria-hidden>
              {formatCount(s.count)}
            </Badge>
          }
          active={current === s.id}
          onClick={onNavigate}
        />
      ))}
    </nav>
  );
}
