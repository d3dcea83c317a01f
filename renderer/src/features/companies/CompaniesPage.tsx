// The companies list: same pattern as contacts (search and sort in SQL, virtual rows, keyset pages).
import { Button, Center, Loader, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useSessionStorage } from '@mantine/hooks';
import { IconBuildingPlus, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { Link } from 'wouter';
import { type CompanyListFilter, useCompanyList } from '../../api/companies';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { VirtualList } from '../../ui/VirtualList';
import { CompanyHeaderRow, COMPANY_ROW_HEIGHT, CompanyRow, companyRowClass } from './CompanyRow';

const SORT_OPTIONS = [
  { value: 'name', label: 'Name' },
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'createdAt', label: 'Recently added' },
];
type CompanyListSort = 'name' | 'updatedAt' | 'createdAt';

export function CompaniesPage() {
  const [search, setSearch] = useSessionStorage({ key: 'rapport.companies.query', defaultValue: '', getInitialValueInEffect: false });
  const [sort, setSort] = useSessionStorage<CompanyListSort>({ key: 'rapport.companies.sort', defaultValue: 'name', getInitialValueInEffect: false });
  const [query] = useDebouncedValue(search.trim(), 150);
  const filter = useMemo<CompanyListFilter>(() => ({ sort, limit: 100, ...(query ? { query } : {}) }), [sort, query]);
  const list = useCompanyList(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const filtered = search.trim() !== '';
  const searchBox = useRef<HTMLInputElement>(null);

  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Companies"
          subtitle={total === undefined ? ' ' : `${total.toLocaleString()} ${filtered ? (total === 1 ? 'match' : 'matches') : total === 1 ? 'company' : 'companies'}`}
          actions={
            <Button component={Link} href="/companies/new" leftSection={<IconPlus size={16} />}>
              New company
            </Button>
          }
        />
        <div className={pageClasses.toolbar} role="search">
          <TextInput
            className={pageClasses.search}
            ref={searchBox}
            aria-label="Search companies"
            placeholder="Search by name, website, phone…"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select aria-label="Sort by" data={SORT_OPTIONS} value={sort} onChange={(v) => v && setSort(v as CompanyListSort)} allowDeselect={false} w={180} />
        </div>
      </div>
      {list.isPending ? (
        <Center flex={1}>
          <Loader aria-label="Loading companies" />
        </Center>
      ) : items.length === 0 ? (
        <Center flex={1} p="xl">
          {filtered ? (
            <Empty
              icon={<IconSearchOff size={32} />}
              withIndicatorBackground
              title={`No companies match “${search.trim()}”`}
              description="Try fewer letters or another spelling."
              actions={
                <Button variant="default" onClick={() => setSearch('')}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <Empty
              icon={<IconBuildingPlus size={32} />}
              variant="light"
              title="No companies yet"
              description="Add the businesses your contacts work for, then link people to them."
              actions={
                <Button component={Link} href="/companies/new" leftSection={<IconBuildingPlus size={16} />}>
                  Add your first company
                </Button>
              }
            />
          )}
        </Center>
      ) : (
        <VirtualList
          label="Companies"
          items={items}
          total={total ?? items.length}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          searchBox={searchBox}
          rowHeight={COMPANY_ROW_HEIGHT}
          getKey={(c) => c.id}
          getHref={(c) => `/companies/${c.id}`}
          getRowLabel={(c) => c.name}
          renderRow={(c) => <CompanyRow company={c} />}
          rowClassName={companyRowClass}
          header={<CompanyHeaderRow />}
        />
      )}
    </div>
  );
}
