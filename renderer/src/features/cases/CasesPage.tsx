// Cases (#/cases): Active / Open / Waiting / Resolved / Closed / All, filtered by priority and type, searched, and
// sorted by when the next target falls (default). ArrowDown from the search box enters the list.
import { Button, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { Link } from 'wouter';
import { useMemo, useRef, useState } from 'react';
import type { CasePriority, CaseType } from '../../../../shared/domain/case';
import type { CaseListFilter } from '../../api/cases';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { useSearchIntoList } from '../../ui/search-into-list';
import { Empty } from '../../ui/Empty';
import { PRIORITY_LABELS, TYPE_LABELS, options } from './case-text';
import { CaseTable } from './CaseTable';
import { newCase } from './new-case-store';

/** The status groups, plus the Trash (deleted cases, restorable from their page). */
type Category = NonNullable<CaseListFilter['category']> | 'trash';
type Sort = NonNullable<CaseListFilter['sort']>;

const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'open', label: 'Open' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
  { value: 'trash', label: 'Trash' },
];
const SORTS: { value: Sort; label: string }[] = [
  { value: 'due', label: 'Due first' },
  { value: 'created', label: 'Newest' },
  { value: 'updated', label: 'Recently updated' },
  { value: 'priority', label: 'Priority' },
  { value: 'number', label: 'Number' },
];

const EMPTY_TEXT: Record<Category, string> = {
  active: 'No open cases. Log a call or file an email, then Make a case.',
  open: 'No open cases. Log a call or file an email, then Make a case.',
  waiting: 'No cases are waiting on a customer or supplier.',
  resolved: 'No resolved cases yet.',
  closed: 'No closed cases yet.',
  all: 'No cases yet. Log a call or file an email, then Make a case.',
  trash: 'No deleted cases. A case you delete waits here; open it to restore it.',
};

export function CasesPage() {
  const [category, setCategory] = useState<Category>('active');
  const [priority, setPriority] = useState<CasePriority | null>(null);
  const [type, setType] = useState<CaseType | null>(null);
  const [sort, setSort] = useState<Sort>('due');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const searchBox = useRef<HTMLInputElement>(null);
  const listArea = useRef<HTMLDivElement>(null);
  useSearchIntoList(searchBox, listArea);
  const filter = useMemo<Partial<CaseListFilter>>(
    () => ({
      ...(category === 'trash' ? { category: 'all' as const, trashed: true } : { category }),
      sort,
      ...(priority ? { priority } : {}),
      ...(type ? { type } : {}),
      ...(debounced.trim() ? { query: debounced.trim() } : {}),
      limit: 50,
    }),
    [category, sort, priority, type, debounced],
  );
  const filtered = !!(priority || type || debounced.trim());
  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Cases"
          actions={
            <>
              <Button component={Link} href="/service" variant="default" leftSection={<IconSettings size={16} />}>
                Service settings
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => newCase.open()}>
                New case
              </Button>
            </>
          }
        />
        <div className={pageClasses.toolbar}>
          <SegmentedControl aria-label="Show" value={category} onChange={(v) => setCategory(v as Category)} data={CATEGORIES} />
          <TextInput
            ref={searchBox}
            className={pageClasses.search}
            placeholder="Search cases"
            aria-label="Search cases"
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <Select aria-label="Priority" placeholder="Any priority" clearable data={options(PRIORITY_LABELS)} value={priority} onChange={(v) => setPriority(v as CasePriority | null)} w={150} />
          <Select aria-label="Type" placeholder="Any type" clearable data={options(TYPE_LABELS)} value={type} onChange={(v) => setType(v as CaseType | null)} w={150} />
          <Select aria-label="Sort" data={SORTS} value={sort} allowDeselect={false} onChange={(v) => v && setSort(v as Sort)} w={170} />
        </div>
      </div>
      <div ref={listArea} className={pageClasses.scrollPage} style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
        <CaseTable
          filter={filter}
          empty={
            filtered ? (
              <Text c="dimmed" p="lg">
                No cases match.
              </Text>
            ) : (
              <Empty mt="xl" title="Nothing here" description={EMPTY_TEXT[category]} />
            )
          }
        />
      </div>
    </div>
  );
}
