// One case (#/cases/:id): C-0042 and its subject, who it is for, the status menu, priority / type / channel, the
// response and resolution targets, the composer (Reply / Note / Log call), the timeline, Rate, Merge and Delete
// (to Trash, with Undo). Links to the case it continues or was merged into.
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Link, useLocation } from 'wouter';
import type { CaseChannel, CasePriority, CaseType } from '../../../../shared/domain/case';
import { type CaseDetail, type CaseRow, useCase, useDeleteCase, useRestoreCase, useUpdateCase } from '../../api/cases';
import { KeyFacts, NoValue } from '../../ui/KeyFacts';
import pageClasses from '../../ui/ListPage.module.css';
import { RecordGate } from '../../ui/RecordGate';
import { RecordHeader } from '../../ui/RecordHeader';
import { TrashedBanner } from '../../ui/TrashedBanner';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';
import { CaseComposer } from './CaseComposer';
import { MergeCaseButton, RateCaseButton } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { CaseTargets } from './CaseTargets';
import { StatusMenu } from './StatusMenu';
import { CATEGORY_COLORS, CHANNEL_LABELS, PRIORITY_LABELS, TYPE_LABELS, options } from './case-text';

export function CasePage({ id }: { id: string }) {
  return (
    <RecordGate query={useCase(id)} what="case" back={{ href: '/cases', label: 'Back to cases' }}>
      {(detail) => <CaseDetails detail={detail} />}
    </RecordGate>
  );
}

function CaseDetails({ detail }: { detail: CaseDetail }) {
  const c = detail.case;
  const [, navigate] = useLocation();
  const { trash, restore, trashing, restoring } = useTrashWithUndo({
    remove: useDeleteCase(),
    restore: useRestoreCase(),
    label: () => `Case ${c.label}`,
    href: (caseId) => `/cases/${caseId}`,
  });
  const trashed = c.deletedAt !== null;
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Anchor component={Link} href="/cases" size="sm">
          ← Cases
        </Anchor>
        <RecordHeader
          title={`${c.label} · ${c.subject}`}
          subtitle={
            <Group gap="xs">
              <Badge variant="light" color={CATEGORY_COLORS[c.category]}>
                {c.statusName}
              </Badge>
              {c.reopenCount > 0 && <Text size="sm">Reopened {c.reopenCount === 1 ? 'once' : `${c.reopenCount} times`}</Text>}
              {c.previousCaseId && (
                <Anchor component={Link} href={`/cases/${c.previousCaseId}`} size="sm">
                  Follows {c.previousCaseLabel ?? 'an earlier case'}
                </Anchor>
              )}
              {c.mergedIntoId && (
                <Anchor component={Link} href={`/cases/${c.mergedIntoId}`} size="sm">
                  Merged into another case
                </Anchor>
              )}
            </Group>
          }
          actions={
            !trashed && (
              <>
                <StatusMenu c={c} />
                <RateCaseButton c={c} />
                <MergeCaseButton c={c} />
              </>
            )
          }
          apart={
            !trashed && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} loading={trashing} onClick={() => void trash(c.id, () => navigate('/cases'))}>
                Delete
              </Button>
            )
          }
        />
        <CaseFacts c={c} disabled={trashed} />
        {trashed && c.deletedAt && <TrashedBanner what="case" deletedAt={c.deletedAt} restoring={restoring} onRestore={() => void restore(c.id)} />}
        {c.description && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {c.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" className={pageClasses.formGap}>
          <div style={{ gridColumn: 'span 2', minWidth: 0 }}>
            {!trashed && (
              <Paper withBorder p="md" mb="lg">
                <CaseComposer c={c} />
              </Paper>
            )}
            <CaseTimeline detail={detail} />
          </div>
          <CaseTargets c={c} followUps={detail.followUps} />
        </SimpleGrid>
      </div>
    </div>
  );
}

function CaseFacts({ c, disabled }: { c: CaseRow; disabled: boolean }) {
  const update = useUpdateCase();
  const save = (patch: { priority?: CasePriority; type?: CaseType; channel?: CaseChannel }) => update.mutate({ id: c.id, ...patch });
  return (
    <KeyFacts
      facts={[
        {
          label: 'Contact',
          value: (
            <Anchor component={Link} href={`/contacts/${c.contactId}`} size="sm">
              {c.contactName}
            </Anchor>
          ),
        },
        {
          label: 'Company',
          value: c.companyId ? (
            <Anchor component={Link} href={`/companies/${c.companyId}`} size="sm">
              {c.companyName}
            </Anchor>
          ) : (
            <NoValue>None</NoValue>
          ),
        },
        ...(c.jobId
          ? [
              {
                label: 'Job',
                value: (
                  <Anchor component={Link} href={`/jobs/${c.jobId}`} size="sm">
                    {c.jobTitle ?? 'Job'}
                  </Anchor>
                ),
              },
            ]
          : []),
        {
          label: 'Priority',
          value: <Select size="xs" aria-label="Priority" data={options(PRIORITY_LABELS)} value={c.priority} allowDeselect={false} disabled={disabled} onChange={(v) => v && v !== c.priority && save({ priority: v as CasePriority })} w={130} />,
        },
        {
          label: 'Type',
          value: <Select size="xs" aria-label="Type" data={options(TYPE_LABELS)} value={c.type} allowDeselect={false} disabled={disabled} onChange={(v) => v && v !== c.type && save({ type: v as CaseType })} w={130} />,
        },
        {
          label: 'Channel',
          value: <Select size="xs" aria-label="Channel" data={options(CHANNEL_LABELS)} value={c.channel} allowDeselect={false} disabled={disabled} onChange={(v) => v && v !== c.channel && save({ channel: v as CaseChannel })} w={130} />,
        },
        { label: 'Opened', value: format(new Date(c.createdAt), 'd MMM yyyy, HH:mm') },
        ...(c.remindOn ? [{ label: 'Remind me on', value: format(new Date(`${c.remindOn}T00:00:00`), 'EEE d MMM yyyy') }] : []),
        {
          label: 'Rating',
          value: c.rating ? (
            <Text size="sm" span aria-label={`Rated ${c.rating.score} of 5`}>
              {'★'.repeat(c.rating.score)}
              {'☆'.repeat(5 - c.rating.score)} {c.rating.comment ? `“${c.rating.comment}”` : ''}
            </Text>
          ) : (
            <NoValue>Not rated</NoValue>
          ),
        },
      ]}
    />
  );
}
