// The "Quotes" section on a job's (or contact's) page: their quotes with status and total, and New quote, which
// makes a draft on the job (titled after it) and opens it in the builder.
import { Button, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useJob } from '../../api/jobs';
import { useCreateQuote } from '../../api/quotes';
import { notifyValidation } from './quote-text';
import { QuoteTable } from './QuoteTable';

interface Props {
  jobId?: string;
  contactId?: string | null;
  readOnly?: boolean;
}

export function JobQuotes({ jobId, contactId, readOnly }: Props) {
  if (!jobId && !contactId) return null;
  return (
    <section aria-label="Quotes">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Quotes
        </Title>
        {!readOnly && (jobId ? <NewJobQuote jobId={jobId} contactId={contactId ?? null} /> : <NewQuoteButton title="Quote" contactId={contactId ?? null} />)}
      </Group>
      <QuoteTable
        filter={{ ...(jobId ? { jobId } : { contactId: contactId! }), limit: 20 }}
        hideClient
        label={jobId ? 'Quotes of this job' : 'Quotes of this client'}
        empty={
          <Text size="sm" c="dimmed" mt="sm">
            No quotes yet.{readOnly ? '' : ' New quote makes a draft here and opens it.'}
          </Text>
        }
      />
    </section>
  );
}

function NewJobQuote({ jobId, contactId }: { jobId: string; contactId: string | null }) {
  const job = useJob(jobId);
  return <NewQuoteButton jobId={jobId} contactId={contactId} title={job.data?.title ?? 'Quote'} />;
}

function NewQuoteButton({ jobId, contactId, title }: { jobId?: string; contactId: string | null; title: string }) {
  const [, navigate] = useLocation();
  const create = useCreateQuote();
  const make = async () => {
    const q = await create.mutateAsync({ title, contactId, ...(jobId ? { jobId } : {}) }).catch(notifyValidation);
    if (q) navigate(`/quotes/${q.id}`);
  };
  return (
    <Button size="xs" variant="light" leftSection={<IconPlus size={16} />} loading={create.isPending} onClick={() => void make()}>
      New quote
    </Button>
  );
}
