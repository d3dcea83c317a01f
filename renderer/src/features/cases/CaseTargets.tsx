// The case's targets: for the first response and for resolution, when each is due, whether it was met, missed or is
// paused, and the business time used against the target. Then time spent and the case's follow-ups.
import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { format } from 'date-fns';
import type { CaseDetail, CaseRow } from '../../api/cases';
import { businessHours } from './case-text';

type Target = CaseRow['response'];

export function CaseTargets({ c, followUps }: { c: CaseRow; followUps: CaseDetail['followUps'] }) {
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Targets">
        <Title order={2} size="h5" mb="sm">
          Targets
        </Title>
        <Stack gap="md">
          <TargetLine name="First response" t={c.response} paused={c.paused} />
          <TargetLine name="Resolution" t={c.resolution} paused={c.paused} />
        </Stack>
        <Text size="sm" mt="md">
          Time spent: <strong>{c.timeSpentMinutes < 60 ? `${c.timeSpentMinutes} min` : `${Math.floor(c.timeSpentMinutes / 60)} h ${c.timeSpentMinutes % 60} min`}</strong>
        </Text>
      </Paper>
      {followUps.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Follow-ups">
          <Title order={2} size="h5" mb="sm">
            Follow-ups
          </Title>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {followUps.map((f) => (
              <Group key={f.id} component="li" justify="space-between" wrap="nowrap">
                <Text size="sm" td={f.completedAt ? 'line-through' : undefined} lineClamp={1}>
                  {f.title}
                </Text>
                {f.dueAt && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {format(new Date(f.dueAt), 'd MMM')}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function TargetLine({ name, t, paused }: { name: string; t: Target; paused: boolean }) {
  const share = t.targetMs > 0 ? Math.min(100, (t.elapsedMs / t.targetMs) * 100) : 0;
  const state = t.met === true ? { label: 'Met', color: 'teal' } : t.met === false ? { label: 'Missed', color: 'red' } : paused ? { label: 'Paused', color: 'yellow' } : { label: 'Running', color: 'blue' };
  return (
    <div aria-label={`${name} target`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Badge variant="light" color={state.color}>
          {state.label}
        </Badge>
      </Group>
      <Progress value={share} color={state.color} size="sm" mt={6} aria-label={`${name}: ${businessHours(t.elapsedMs)} of ${businessHours(t.targetMs)}`} />
      <Text size="xs" c="dimmed" mt={4}>
        {businessHours(t.elapsedMs)} of {businessHours(t.targetMs)} business time
        {t.achievedAt ? ` · done ${format(new Date(t.achievedAt), 'd MMM, HH:mm')}` : t.dueAt && !paused ? ` · due ${format(new Date(t.dueAt), 'EEE d MMM, HH:mm')}` : ''}
      </Text>
    </div>
  );
}
