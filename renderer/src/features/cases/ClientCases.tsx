// The "Cases" section on a contact's or job's page: their cases, newest first, with New case prefilled.
import { Button, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { CaseTable } from './CaseTable';
import { newCase } from './new-case-store';

interface Props {
  contactId: string;
  contactName: string;
  companyId?: string | null;
  jobId?: string;
  jobTitle?: string;
  readOnly?: boolean;
}

export function ClientCases({ contactId, contactName, companyId, jobId, jobTitle, readOnly }: Props) {
  return (
    <section aria-label="Cases">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Cases
        </Title>
        {!readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => newCase.open({ contactId, contactName, companyId: companyId ?? null, ...(jobId ? { jobId, jobTitle: jobTitle ?? null } : {}) })}>
            New case
          </Button>
        )}
      </Group>
      <CaseTable
        filter={{ category: 'all', sort: 'created', ...(jobId ? { jobId } : { contactId }), limit: 20 }}
        hideContact
        label={`Cases of ${jobTitle ?? contactName}`}
        empty={
          <Text size="sm" c="dimmed" mt="sm">
            No cases for {jobTitle ?? contactName} yet.
          </Text>
        }
      />
    </section>
  );
}
