// A job moving between pipeline stages, as a line on its client's timeline.
import { Anchor, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Link } from 'wouter';
import type { StageChangeEntry } from '../../../../shared/domain/activity';
import classes from './Timeline.module.css';

export function StageChangeItem({ entry: e }: { entry: StageChangeEntry }) {
  const what = e.fromStage === null ? `added as ${e.toStage}` : `moved from ${e.fromStage} to ${e.toStage}`;
  return (
    <li className={classes.item} aria-label={`Job ${e.jobTitle} ${what}`}>
      <ThemeIcon variant="light" color="indigo" radius="xl" size="lg" aria-label="Job stage">
        <IconBriefcase size={18} />
      </ThemeIcon>
      <div className={classes.body}>
        <Group gap={4} wrap="wrap">
          <Anchor component={Link} href={`/jobs/${e.jobId}`} size="sm" fw={600}>
            {e.jobTitle}
          </Anchor>
          <Text size="sm">{what}</Text>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {format(new Date(e.at), 'HH:mm')} · Job stage
        </Text>
      </div>
    </li>
  );
}
