// The start page: follow-ups overdue, due today and due later this week, each completed or snoozed
// with one click or key. The local day is computed here (the user's time zone) and refreshed each minute.
import { Badge, Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Task } from '../../../../shared/domain/activity';
import { useToday } from '../../api/activities';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { quickLog } from '../activities/panels';
import { CasesDue } from '../cases/panels';
import { OverdueInvoices } from '../invoices/panels';
import { AlertsSection } from '../reports/panels';
import { TodayAppointments } from '../schedule/panels';
import { TaskItem } from './TaskItem';
import classes from '../../ui/ItemList.module.css';
import { todayRange } from './today-range';
import { formatCount } from '../../ui/format';

export function TodayPage() {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 30_000);
    return () => clearInterval(timer);
  }, []);
  const range = useMemo(() => todayRange(new Date(minute * 60_000)), [minute]);
  const today = useToday(range);
  const data = today.data;
  const count = data ? data.overdue.length + data.today.length + data.upcoming.length : 0;

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content} data-focus-home>
        <PageHeader
          title="Today"
          subtitle={new Date(minute * 60_000).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => quickLog.open()} aria-keyshortcuts="Control+L Meta+L">
              Log activity
            </Button>
          }
        />
        <TodayAppointments now={new Date(minute * 60_000)} />
        <AlertsSection />
        <CasesDue />
        <OverdueInvoices />
        {today.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading today" />
          </Center>
        ) : !data || count === 0 ? (
          <Empty
            mt="xl"
            data-focus-empty
            title="Nothing to follow up"
            description="Follow-ups you add to a contact, or while logging a call (Ctrl+L), show up here on the day they are due. Overdue ones come first."
            actions={
              <Button component={Link} href="/contacts" variant="light">
                Go to contacts
              </Button>
            }
          />
        ) : (
          <>
            <TaskSection title="Overdue" tasks={data.overdue} color="red" />
            <TaskSection title="Today" tasks={data.today} color="indigo" />
            <TaskSection title="This week" tasks={data.upcoming} color="gray" />
            <Text size="xs" c="dimmed" mt="lg">
              Keys on a follow-up: X completes, S snoozes to tomorrow, W to next week, O opens the contact.
            </Text>
          </>
        )}
      </div>
    </div>
  );
}

function TaskSection({ title, tasks, color }: { title: string; tasks: Task[]; color: string }) {
  if (tasks.length === 0) return null;
  return (
    <section className={classes.section} aria-label={title}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={color} variant="light" circle>
          {formatCount(tasks.length)}
        </Badge>
      </Group>
      <ul className={classes.list} aria-label={`${title} follow-ups`}>
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} />
        ))}
      </ul>
    </section>
  );
}
