// The "Jobs" section on a contact's or company's page: their jobs with stage and value, and New job prefilled.
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { useJobList } from '../../api/jobs';
import { formatMoney } from '../../../../shared/domain/money';
import { NewJobButton } from './NewJobButton';

interface Props {
  contactId?: string;
  companyId?: string;
  /** Who the jobs are for, to prefill New job. */
  name: string;
  readOnly?: boolean;
}

export function ClientJobs({ contactId, companyId, name, readOnly }: Props) {
  const list = useJobList({ ...(contactId ? { contactId } : {}), ...(companyId ? { companyId } : {}), sort: 'updatedAt', limit: 20 });
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-label="Jobs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Jobs
        </Title>
        {!readOnly && (
          <NewJobButton
            size="xs"
            variant="light"
            {...(contactId ? { contactId, contactName: name } : {})}
            {...(companyId ? { companyId, companyName: name } : {})}
          />
        )}
      </Group>
      {jobs.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {list.isPending ? 'Loading…' : `No jobs for ${name} yet.`}
        </Text>
      ) : (
        <Stack gap={6} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {jobs.map((job) => (
            <Group key={job.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Anchor component={Link} href={`/jobs/${job.id}`} size="sm" lineClamp={1}>
                {job.title}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                {job.amountMinor !== null && <Text size="sm">{formatMoney(job.amountMinor, job.currency)}</Text>}
                <Badge variant="light" color={job.category === 'lost' ? 'red' : job.category === 'open' ? 'blue' : 'teal'}>
                  {job.stageName}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}
