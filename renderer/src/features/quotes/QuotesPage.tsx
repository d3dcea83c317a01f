// Quotes (#/quotes): every quote's latest revision, filtered by status (Expired is a sent quote past its date),
// searched by number, title or client; New quote; links to "What to offer whom" and to Quote & invoice settings.
import { Button, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconFileSpreadsheet, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { type QuoteListFilter, useExportQuotesCsv } from '../../api/quotes';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { NewQuoteModal } from './NewQuoteModal';
import { QuoteTable } from './QuoteTable';

type Show = 'all' | NonNullable<QuoteListFilter['status']>;
const SHOW: { value: Show; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Draft' },
  { value: 'sent', label: 'Sent' },
  { value: 'expired', label: 'Expired' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'declined', label: 'Declined' },
];

export function QuotesPage() {
  const [show, setShow] = useState<Show>('all');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const exportCsv = useExportQuotesCsv();
  const filter = useMemo<Partial<QuoteListFilter>>(
    () => ({ ...(show === 'all' ? {} : { status: show }), ...(debounced.trim() ? { query: debounced.trim() } : {}), limit: 50 }),
    [show, debounced],
  );
  const filtered = show !== 'all' || !!debounced.trim();
  const runExport = async () => {
    const result = await exportCsv.mutateAsync().catch(() => null);
    if (result?.path) notifySuccess(`Exported ${result.rows} rows`);
  };
  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Quotes"
          actions={
            <>
              <Button component={Link} href="/sales/suggestions" variant="default" leftSection={<IconBulb size={16} />}>
                What to offer whom
              </Button>
              <Button component={Link} href="/quotes/settings" variant="default" leftSection={<IconSettings size={16} />}>
                Quote & invoice settings
              </Button>
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportCsv.isPending} onClick={() => void runExport()}>
                Export CSV
              </Button>
              <Button ref={newButton} leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New quote
              </Button>
            </>
          }
        />
        <div className={pageClasses.toolbar}>
          <SegmentedControl aria-label="Show" value={show} onChange={(v) => setShow(v as Show)} data={SHOW} />
          <TextInput
            className={pageClasses.search}
            placeholder="Search by number, title or client"
            aria-label="Search quotes"
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </div>
      <div className={pageClasses.scrollPage} style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
        <QuoteTable
          filter={filter}
          empty={
            filtered ? (
              <Text c="dimmed" p="lg">
                No quotes match.
              </Text>
            ) : (
              <Empty mt="xl" title="No quotes yet" description="Make a quote from a job’s page, or New quote here." />
            )
          }
        />
      </div>
      {creating && (
        <NewQuoteModal
          onClose={() => {
            setCreating(false);
            newButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
