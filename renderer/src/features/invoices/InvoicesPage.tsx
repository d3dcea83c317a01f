// The invoices list (/invoices): every invoice, newest first, filtered to Unpaid, Overdue, Paid or Draft, with the
// outstanding and overdue balances per currency in the header and the accountant's export.
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { type InvoiceListFilter, useInvoiceList } from '../../api/invoices';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { ExportInvoicesModal } from './ExportInvoicesModal';
import { InvoiceTable } from './InvoiceTable';
import { perCurrency } from './invoice-text';

type Show = 'all' | 'unpaid' | 'overdue' | 'paid' | 'draft';
const SHOW: { value: Show; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unpaid', label: 'Unpaid' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
  { value: 'draft', label: 'Draft' },
];
const EMPTY_WORDS: Record<Show, string> = {
  all: '',
  unpaid: 'Nothing is waiting to be paid.',
  overdue: 'No invoice is overdue.',
  paid: 'No invoice has been paid in full yet.',
  draft: 'No draft invoices.',
};

export function InvoicesPage() {
  const [show, setShow] = useState<Show>('all');
  const [exporting, setExporting] = useState(false);
  const filter: Partial<InvoiceListFilter> = show === 'all' ? {} : { status: show };
  // The header's totals come with every page; the unfiltered first page says whether there are invoices at all.
  const everything = useInvoiceList({ limit: 1 });
  const first = everything.data?.pages[0];
  const none = first !== undefined && first.total === 0;
  const outstanding = first?.outstanding ?? [];
  const owed = outstanding.filter((o) => o.balanceMinor !== 0);
  const overdue = outstanding.filter((o) => o.overdueCount > 0);
  const subtitle = (
    <Group gap="lg">
      <span>Outstanding: {owed.length ? perCurrency(owed.map((o) => ({ currency: o.currency, minor: o.balanceMinor }))) : 'nothing'}</span>
      {overdue.length > 0 && (
        <Text span c="red" fw={600} size="sm">
          Overdue: {perCurrency(overdue.map((o) => ({ currency: o.currency, minor: o.overdueMinor })))}
        </Text>
      )}
    </Group>
  );
  return (
    <div className={pageClasses.scrollPage}>
      <Stack className={pageClasses.content} gap="md">
        <PageHeader
          title="Invoices"
          subtitle={first ? subtitle : undefined}
          actions={
            <Button variant="light" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)}>
              Export for accountant
            </Button>
          }
        />
        {none ? (
          <Empty
            title="No invoices yet"
            description="Invoices are made from an accepted quote or a won job: open the quote or the job and choose Make invoice."
            actions={
              <Group>
                <Button component={Link} href="/quotes" variant="light">
                  Quotes
                </Button>
                <Button component={Link} href="/jobs" variant="default">
                  Jobs
                </Button>
              </Group>
            }
          />
        ) : (
          <>
            <SegmentedControl aria-label="Show" data={SHOW} value={show} onChange={(v) => setShow(v as Show)} w="fit-content" />
            <InvoiceTable
              filter={filter}
              label={show === 'all' ? 'Invoices' : `${SHOW.find((s) => s.value === show)?.label} invoices`}
              empty={
                <Text c="dimmed" size="sm" p="md">
                  {EMPTY_WORDS[show]}
                </Text>
              }
            />
          </>
        )}
      </Stack>
      <ExportInvoicesModal opened={exporting} onClose={() => setExporting(false)} />
    </div>
  );
}
