// A contact's (or, given jobId, one job's) open follow-ups on its page, with complete/reopen and a one-line
// form to add another (linked to the contact and the job); "Show done" lists completed ones to reopen.
import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useCreateTask, useTaskList } from '../../api/activities';
import { toLocalInput, tomorrowAt9 } from '../../ui/local-time';
import classes from '../../ui/ItemList.module.css';
import { reasonText } from '../../ui/notify';
import { TaskItem } from './TaskItem';

/** With jobId, the job's follow-ups instead of the contact's (a job may have no contact); new ones are linked to both. */
type Props = { readOnly: boolean } & ({ contactId: string; jobId?: undefined } | { contactId: string | null; jobId: string });

export function ContactFollowUps({ contactId, jobId, readOnly }: Props) {
  const open = useTaskList({ ...(jobId === undefined ? { contactId } : { jobId }), status: 'open', limit: 50 });
  const create = useCreateTask();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => toLocalInput(tomorrowAt9()));
  const [error, setError] = useState<string | null>(null);
  const [showDone, setShowDone] = useState(false);
  const tasks = open.data?.items ?? [];
  const scope = jobId !== undefined ? { jobId } : contactId !== null ? { contactId } : null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') return setError('Enter what to do');
    create
      .mutateAsync({ title, contactId, ...(jobId ? { jobId } : {}), dueAt: due ? new Date(due).toISOString() : null })
      .then(() => {
        setTitle('');
        setError(null);
      })
      .catch((err: unknown) => setError(reasonText(err)));
  };

  return (
    <section aria-label="Follow-ups" data-focus-home>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Follow-ups
        </Title>
        <Button variant="subtle" size="xs" aria-pressed={showDone} onClick={() => setShowDone((v) => !v)}>
          {showDone ? 'Hide done' : 'Show done'}
        </Button>
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed" data-focus-empty>
          No open follow-ups.
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Open follow-ups">
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} showContact={false} />
          ))}
        </ul>
      )}
      {showDone && scope && <DoneFollowUps scope={scope} />}
      {!readOnly && (
        <form onSubmit={add} aria-label="Add follow-up">
          <Group align="flex-start" gap="xs" mt="sm" wrap="wrap">
            <TextInput
              aria-label="New follow-up"
              placeholder="Add a follow-up, e.g. Send revised quote"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={error}
              flex="1 1 240px"
            />
            <TextInput aria-label="Due" type="datetime-local" value={due} onChange={(e) => setDue(e.currentTarget.value)} w={210} />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.isPending}>
              Add
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}

/** The most recently completed follow-ups (newest first), each with its checkbox to reopen it. */
function DoneFollowUps({ scope }: { scope: { contactId: string } | { jobId: string } }) {
  const done = useTaskList({ ...scope, status: 'done', limit: 20 });
  const tasks = done.data?.items ?? [];
  if (done.isPending) return null;
  return tasks.length === 0 ? (
    <Text size="sm" c="dimmed" mt="xs">
      Nothing done yet.
    </Text>
  ) : (
    <ul className={classes.list} aria-label="Done follow-ups">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} showContact={false} />
      ))}
    </ul>
  );
}
