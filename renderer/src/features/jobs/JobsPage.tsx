// Jobs (#/jobs): the pipeline board or the list, filtered by client, tag and due dates, with New job and
// the pipeline settings. A user with no jobs yet sees a prompt to add the first one. The list can show, sort and
// filter by the user's own fields (issue #19).
import { Center, Loader, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { CustomFilter, CustomSort } from '../../../../shared/domain/custom-record';
import type { JobSort } from '../../../../shared/domain/job';
import { type JobBoardFilter, type JobListFilter, useJobBoard } from '../../api/jobs';
import { useTags } from '../../api/search';
import { ColumnsMenu } from '../../ui/CustomColumns';
import { CustomFilterButton } from '../../ui/CustomFilterButton';
import { CustomFilterPills } from '../../ui/CustomFilterPills';
import { customSortFromOption, customSortOptions, liveCustomSort, useCustomColumns } from '../../ui/custom-columns';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { useSearchIntoList } from '../../ui/search-into-list';
import { formatMoney } from '../../../../shared/domain/money';
import { ContactSelect } from '../../ui/ContactSelect';
import { JobBoard } from './JobBoard';
import { JobList } from './JobList';
import { NewJobButton } from './NewJobButton';
import { PipelineSettingsButton } from './PipelineSettings';
import { plural } from '../../ui/format';

type View = 'board' | 'list';
type Sort = (typeof JobSort.options)[number];

const SORTS: { value: Sort; label: string }[] = [
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'createdAt', label: 'Recently created' },
  { value: 'dueDate', label: 'Due date' },
  { value: 'amount', label: 'Value' },
  { value: 'title', label: 'Title' },
];

export function JobsPage() {
  const [view, setView] = useState<View>('board');
  const [contactId, setContactId] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [sort, setSort] = useState<Sort>('updatedAt');
  const [custom, setCustom] = useState<CustomFilter[]>([]);
  const [savedSortCustom, setSortCustom] = useState<CustomSort | null>(null);
  const columns = useCustomColumns('job', 'jobs');
  const sortCustom = liveCustomSort(savedSortCustom, columns);
  const tags = useTags();
  const searchBox = useRef<HTMLInputElement>(null);
  const listArea = useRef<HTMLDivElement>(null);
  useSearchIntoList(searchBox, listArea);

  const boardFilter = useMemo<JobBoardFilter>(
    () => ({ ...(contactId ? { contactId } : {}), ...(tag ? { tag } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [contactId, tag, from, to],
  );
  const listFilter = useMemo<JobListFilter>(
    () => ({
      ...(contactId ? { contactId } : {}),
      ...(debounced.trim() ? { query: debounced.trim() } : {}),
      ...(sortCustom ? { sortCustom } : { sort }),
      ...(custom.length > 0 ? { custom } : {}),
      limit: 50,
    }),
    [contactId, debounced, sort, sortCustom, custom],
  );
  const board = useJobBoard(boardFilter);
  const filtered = Object.keys(boardFilter).length > 0;
  const total = board.data?.stages.reduce((n, c) => n + c.count, 0) ?? 0;
  const open = board.data?.stages.filter((c) => c.stage.category === 'open');
  const openMinor = open?.reduce((n, c) => n + c.totalMinor, 0);

  if (board.isPending) {
    return (
      <Center flex={1}>
        <Loader aria-label="Loading jobs" />
      </Center>
    );
  }
  if (board.data && total === 0 && !filtered) {
    return (
      <div className={pageClasses.scrollPage}>
        <div className={pageClasses.content}>
          <PageHeader title="Jobs" actions={<PipelineSettingsButton />} />
          <Empty mt="xl" title="No jobs yet" description="Track each piece of work from lead to paid, with its value." actions={<NewJobButton label="Add your first job" />} />
        </div>
      </div>
    );
  }

  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Jobs"
          subtitle={
            board.data && openMinor !== undefined
              ? `${plural(total, 'job')} · ${formatMoney(openMinor, board.data.defaultCurrency)} open`
              : undefined
          }
          actions={
            <>
              <SegmentedControl
                aria-label="View"
                value={view}
                onChange={(v) => setView(v as View)}
                data={[
                  { value: 'board', label: 'Board' },
                  { value: 'list', label: 'List' },
                ]}
              />
              <PipelineSettingsButton />
              <NewJobButton />
            </>
          }
        />
        <div className={pageClasses.toolbar}>
          <ContactSelect placeholder="Any client" aria-label="Client" value={contactId} onChange={setContactId} w={220} />
          {view === 'board' ? (
            <>
              <Select
                placeholder="Any tag"
                aria-label="Tag"
                clearable
                searchable
                data={(tags.data?.items ?? []).map((t) => t.tag)}
                value={tag}
                onChange={setTag}
                w={180}
              />
              <TextInput type="date" aria-label="Due from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} leftSection="From" leftSectionWidth={48} w={190} />
              <TextInput type="date" aria-label="Due to" value={to} onChange={(e) => setTo(e.currentTarget.value)} leftSection="To" leftSectionWidth={36} w={180} />
            </>
          ) : (
            <>
              <TextInput
                ref={searchBox}
                className={pageClasses.search}
                placeholder="Search jobs"
                aria-label="Search jobs"
                leftSection={<IconSearch size={16} />}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
              />
              <CustomFilterButton definitions={columns.definitions} value={custom} onChange={setCustom} />
              <Select
                aria-label="Sort"
                data={[...SORTS, ...customSortOptions(columns, sortCustom)]}
                value={sortCustom ? `custom:${sortCustom.key}` : sort}
                allowDeselect={false}
                onChange={(v) => {
                  if (!v) return;
                  const next = customSortFromOption(v);
                  setSortCustom(next);
                  if (!next) setSort(v as Sort);
                }}
                w={190}
              />
              <ColumnsMenu columns={columns} listName="jobs" />
            </>
          )}
        </div>
        {view === 'list' && <CustomFilterPills definitions={columns.definitions} filters={custom} onChange={setCustom} />}
      </div>
      {view === 'board' && board.data ? (
        <JobBoard board={board.data} filter={boardFilter} />
      ) : (
        <div ref={listArea} className={pageClasses.scrollPage} style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
          <JobList filter={listFilter} columns={columns.shown} sortCustom={sortCustom} onSortCustom={setSortCustom} />
        </div>
      )}
    </div>
  );
}
