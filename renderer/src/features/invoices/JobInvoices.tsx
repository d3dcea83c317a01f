// The "Invoices" section on a job's (or contact's) page: its invoices, and Make invoice when a job has none
// (one line with the job's title and value, to check before sending).
import { Button, Group, Text, Title } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useCreateInvoice, useInvoiceList } from '../../api/invoices';
import { InvoiceTable } from './InvoiceTable';

interface Props {
  jobId?: string;
  contactId?: string | null;
  readOnly?: boolean;
}

export function JobInvoices({ jobId, contactId, readOnly }: Props) {
  const filter = jobId ? { jobId, limit: 20 } : contactId ? { contactId, limit: 20 } : null;
  const list = useInvoiceList(filter ?? {}, filter !== null);
  const create = useCreateInvoice();
  const [, navigate] = useLocation();
  if (!filter) return null;
  const none = list.data?.pages[0]?.total === 0;
  const make = () => jobId && create.mutate({ jobId }, { onSuccess: (invoice) => navigate(`/invoices/${invoice.id}`) });
  return (
    <section aria-label="Invoices">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Invoices
        </Title>
        {jobId && none && !readOnly && (
          <Button size="xs" variant="light" leftSection={<IconFileInvoice size={14} />} loading={create.isPending} onClick={make}>
            Make invoice
          </Button>
        )}
      </Group>
      <InvoiceTable
        filter={filter}
        hideClient={!!jobId}
        label={jobId ? 'Invoices of this job' : 'Invoices of this contact'}
        empty={
          <Text size="sm" c="dimmed" mt="sm">
            {jobId ? 'No invoice yet. Make one when the work is done, or from the accepted quote.' : 'No invoices yet.'}
          </Text>
        }
      />
    </section>
  );
}
