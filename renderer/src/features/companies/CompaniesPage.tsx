// The companies list: same pattern as contacts (search and sort in SQL, virtual rows, keyset pages); the user's
// own fields (issue #19) can be columns, sorted by a click on their header, and filter conditions.
import { Button, Center, Loader, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useSessionStorage } from '@mantine/hooks';
import { IconBuildingPlus, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { Link } from 'wouter';
import type { CustomFilter, CustomSort } from '../../../../shared/domain/custom-record';
import { type CompanyListFilter, useCompanyList } from '../../api/companies';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { ColumnsMenu, CustomSortHeader } from '../../ui/CustomColumns';
import { CustomFilterButton } from '../../ui/CustomFilterButton';
import { CustomFilterPills } from '../../ui/CustomFilterPills';
import { customColumnsStyle, customSortFromOption, customSortOptions, liveCustomSort, useCustomColumns } from '../../ui/custom-columns';
import { PageHeader } from '../../ui/PageHeader';
import { VirtualList } from '../../ui/VirtualList';
import { CompanyHeaderRow, COMPANY_ROW_HEIGHT, CompanyRow, companyRowClass } from './CompanyRow';
import rowClasses from './CompanyRow.module.css';

const SORT_OPTIONS = [
  { value: 'name', label: 'Name' },
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'createdAt', label: 'Recently added' },
];
type CompanyListSort = 'name' | 'updatedAt' | 'createdAt';

export function CompaniesPage() {
  const [search, setSearch] = useSessionStorage({ key: 'rapport.companies.query', defaultValue: '', getInitialValueInEffect: false });
  const [sort, setSort] = useSessionStorage<CompanyListSort>({ key: 'rapport.companies.sort', defaultValue: 'name', getInitialValueInEffect: false });
  const [custom, setCustom] = useSessionStorage<CustomFilter[]>({ key: 'rapport.companies.custom', defaultValue: [], getInitialValueInEffect: false });
  const [savedSortCustom, setSortCustom] = useSessionStorage<CustomSort | null>({ key: 'rapport.companies.sortCustom', defaultValue: null, getInitialValueInEffect: false });
  const columns = useCustomColumns('company', 'companies');
  const sortCustom = liveCustomSort(savedSortCustom, columns);
  const [query] = useDebouncedValue(search.trim(), 150);
  const filter = useMemo<CompanyListFilter>(
    () => ({ ...(sortCustom ? { sortCustom } : { sort }), limit: 100, ...(query ? { query } : {}), ...(custom.length > 0 ? { custom } : {}) }),
    [sort, sortCustom, query, custom],
  );
  const list = useCompanyList(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const filtered = search.trim() !== '' || custom.length > 0;
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
          <CustomFilterButton definitions={columns.definitions} value={custom} onChange={setCustom} />
          <Select
            aria-label="Sort by"
            data={[...SORT_OPTIONS, ...customSortOptions(columns, sortCustom)]}
            value={sortCustom ? `custom:${sortCustom.key}` : sort}
            onChange={(v) => {
              if (!v) return;
              const next = customSortFromOption(v);
              setSortCustom(next);
              if (!next) setSort(v as CompanyListSort);
            }}
            allowDeselect={false}
            w={180}
          />
          <ColumnsMenu columns={columns} listName="companies" />
        </div>
        <CustomFilterPills definitions={columns.definitions} filters={custom} onChange={setCustom} />
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
              title={custom.length > 0 || !search.trim() ? 'No companies match these filters' : `No companies match “${search.trim()}”`}
              description={custom.length > 0 ? 'Try fewer letters, or remove a filter.' : 'Try fewer letters or another spelling.'}
              actions={
                <Button
                  variant="default"
                  onClick={() => {
                    setSearch('');
                    setCustom([]);
                  }}
                >
                  {custom.length > 0 ? 'Clear search and filters' : 'Clear search'}
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
        <div className={rowClasses.list} style={customColumnsStyle(columns.shown.length)}>
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
            renderRow={(c) => <CompanyRow company={c} columns={columns.shown} />}
            rowClassName={companyRowClass}
            header={<CompanyHeaderRow custom={columns.shown.map((d) => <CustomSortHeader key={d.id} field={d} sort={sortCustom} onSort={setSortCustom} />)} />}
          />
        </div>
      )}
    </div>
  );
}
