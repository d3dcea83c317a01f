// The products tab of the catalogue: search, filter by category, the list (name, code, unit, price in its currency,
// tax rate, category, inactive marker), New product / edit in a dialog, and the CSV import and export.
import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { type ProductFilter, type ProductRow, useExportCatalogue, useProductList, useTaxRates } from '../../api/products';
import { Empty } from '../../ui/Empty';
import { formatCount } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { formatPrice } from './catalogue-text';
import { ImportCatalogue } from './ImportCatalogue';
import { ProductModal } from './ProductModal';

/** null: closed; 'new': a new product; otherwise the product being edited. */
type Editing = null | 'new' | ProductRow;

export function ProductsTab() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [category, setCategory] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const filter = useMemo<ProductFilter>(
    () => ({ ...(debounced.trim() ? { query: debounced.trim() } : {}), ...(category ? { category } : {}), includeInactive, limit: 100 }),
    [debounced, category, includeInactive],
  );
  const list = useProductList(filter);
  const rates = useTaxRates(true);
  const exporter = useExportCatalogue();
  const rateName = new Map((rates.data?.items ?? []).map((r) => [r.id, r.name]));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const first = list.data?.pages[0];
  const filtered = !!(debounced.trim() || category);

  const exportCsv = () =>
    exporter.mutate(undefined, {
      onSuccess: (r) => r.path && notifySuccess(`Exported ${formatCount(r.rows)} ${r.rows === 1 ? 'product' : 'products'} to ${r.path}`),
    });

  return (
    <>
      <div className={pageClasses.top}>
        <div className={pageClasses.toolbar}>
          <TextInput
            className={pageClasses.search}
            placeholder="Search name, code, description or category"
            aria-label="Search the catalogue"
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          {(first?.categories.length ?? 0) > 0 && (
            <Select aria-label="Category" placeholder="Any category" clearable data={first?.categories ?? []} value={category} onChange={setCategory} w={180} />
          )}
          <Checkbox label="Show inactive" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
          <Group gap="xs" ml="auto">
            <ImportCatalogue />
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={exportCsv} loading={exporter.isPending}>
              Export CSV
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              New product
            </Button>
          </Group>
        </div>
      </div>
      <div className={pageClasses.scrollPage} style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
        {list.isSuccess && items.length === 0 ? (
          filtered ? (
            <Text c="dimmed" p="lg">
              Nothing in the catalogue matches.
            </Text>
          ) : (
            <Empty
              mt="xl"
              title="No products or services yet"
              description="Add the products and services you quote, or import them from a CSV file"
              actions={
                <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setEditing('new')}>
                  Add the first one
                </Button>
              }
            />
          )
        ) : (
          <Table striped highlightOnHover aria-label="Products and services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th>Tax rate</Table.Th>
                <Table.Th>Category</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component="button" type="button" onClick={() => setEditing(p)} ta="left">
                        {p.name}
                      </Anchor>
                      {!p.active && (
                        <Badge color="gray" variant="light" size="sm">
                          Inactive
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.code ?? ''}</Table.Td>
                  <Table.Td>{p.unit ?? ''}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatPrice(p.unitPriceE4, p.currency)}
                    {p.priceIncludesTax && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        incl. tax
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.taxRateId ? (rateName.get(p.taxRateId) ?? '') : ''}</Table.Td>
                  <Table.Td>{p.category ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.hasNextPage && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Show more ({formatCount((first?.total ?? 0) - items.length)} left)
            </Button>
          </Group>
        )}
      </div>
      <ProductModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
