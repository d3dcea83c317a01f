// One quote (#/quotes/:id): a draft opens in the builder; a sent, accepted, declined or replaced quote is shown
// read-only with what can be done next (accept, decline, make a revision, re-send, open the PDF).
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'wouter';
import { formatMoney } from '../../../../shared/domain/money';
import { type QuoteRow, useQuote } from '../../api/quotes';
import pageClasses from '../../ui/ListPage.module.css';
import { RecordGate } from '../../ui/RecordGate';
import { RecordHeader } from '../../ui/RecordHeader';
import { QuoteBuilder } from './QuoteBuilder';
import { SentQuote } from './SentQuote';
import { STATUS_COLORS, STATUS_LABELS, quoteLabel, shownStatus } from './quote-text';

export function QuotePage({ id }: { id: string }) {
  return (
    <RecordGate query={useQuote(id)} what="quote" back={{ href: '/quotes', label: 'Back to quotes' }}>
      {(q) => <QuoteDetails q={q} />}
    </RecordGate>
  );
}

/** Who and what the quote is for, as links. */
export function QuoteSubtitle({ q }: { q: QuoteRow }) {
  const status = shownStatus(q);
  return (
    <Group gap="xs">
      <Badge variant="light" color={STATUS_COLORS[status]}>
        {STATUS_LABELS[status]}
      </Badge>
      {q.revision > 1 && <Text size="sm">Revision {q.revision}</Text>}
      {q.contactId && (
        <Anchor component={Link} href={`/contacts/${q.contactId}`} size="sm">
          {q.contactName ?? 'Client'}
        </Anchor>
      )}
      {q.companyName && <Text size="sm">{q.companyName}</Text>}
      {q.jobId && (
        <Anchor component={Link} href={`/jobs/${q.jobId}`} size="sm">
          Job: {q.jobTitle ?? 'open the job'}
        </Anchor>
      )}
      {q.status !== 'draft' && <Text size="sm">Total {formatMoney(q.totals.grandTotalMinor, q.currency)}</Text>}
    </Group>
  );
}

function QuoteDetails({ q }: { q: QuoteRow }) {
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Anchor component={Link} href="/quotes" size="sm">
          ← Quotes
        </Anchor>
        <RecordHeader title={`${quoteLabel(q)} · ${q.title}`} subtitle={<QuoteSubtitle q={q} />} />
        {q.status === 'draft' ? <QuoteBuilder key={q.id} q={q} /> : <SentQuote q={q} />}
      </div>
    </div>
  );
}
