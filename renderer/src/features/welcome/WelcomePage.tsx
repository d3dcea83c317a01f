// The first run (#/welcome): what a new user can do first. Bring contacts in from Google, Outlook, a phone or a
// spreadsheet (each leads to the import page with the one step that source needs), add a first contact, or look
// around with sample data that one click removes. "Not now" hides it for good; Settings offers the sample again.
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrandGoogle, IconBrandOffice, IconDeviceMobile, IconFileSpreadsheet, IconFlask, IconUserPlus, type Icon } from '@tabler/icons-react';
import { Link, useLocation } from 'wouter';
import { useDismissWelcome, useSampleStatus } from '../../api/data';
import pageClasses from '../../ui/ListPage.module.css';
import { useSampleActions } from './use-sample-actions';
import classes from './Welcome.module.css';

interface Source {
  title: string;
  how: string;
  icon: Icon;
}

const SOURCES: readonly Source[] = [
  { title: 'Google Contacts', how: 'In Google Contacts choose Export, then “Google CSV”. Choose that file on the next page.', icon: IconBrandGoogle },
  { title: 'Outlook', how: 'Export your contacts from Outlook as a CSV file. Choose that file on the next page.', icon: IconBrandOffice },
  { title: 'A phone', how: 'Share your contacts from the phone as a vCard (.vcf) file. Choose that file on the next page.', icon: IconDeviceMobile },
  { title: 'A spreadsheet', how: 'Save the sheet as CSV. On the next page you match its columns to Rapport’s fields.', icon: IconFileSpreadsheet },
];

export function WelcomePage() {
  const [, navigate] = useLocation();
  const status = useSampleStatus();
  const sample = useSampleActions();
  const dismiss = useDismissWelcome();
  const hasSample = status.data?.sample != null;
  const leave = () => dismiss.mutate(undefined, { onSuccess: () => navigate('/today') });

  return (
    <div className={pageClasses.scrollPage}>
      <Stack className={classes.welcome} gap="xl">
        <Stack gap={4}>
          <Title order={1}>Welcome to Rapport</Title>
          <Text c="dimmed">Bring in the people you work with, start with one, or look around with made-up ones first. Everything stays on this computer.</Text>
        </Stack>

        <section aria-labelledby="welcome-import">
          <Title order={2} size="h4" id="welcome-import" mb="sm">
            Bring your contacts in
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {SOURCES.map((source) => (
              <Paper key={source.title} withBorder p="md" radius="md" component={Link} href="/import" className={classes.card} aria-label={`Import from ${source.title}`}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size="lg" aria-hidden>
                    <source.icon size={20} />
                  </ThemeIcon>
                  <Stack gap={2}>
                    <Text fw={600}>From {source.title.replace(/^A /, 'a ')}</Text>
                    <Text size="sm" c="dimmed">
                      {source.how}
                    </Text>
                  </Stack>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </section>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs" align="flex-start">
              <Title order={2} size="h4">
                Start with one person
              </Title>
              <Text size="sm" c="dimmed">
                Type in a client, then log calls, jobs and follow-ups against them.
              </Text>
              <Button component={Link} href="/contacts/new" leftSection={<IconUserPlus size={16} />} variant="light">
                Add your first contact
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs" align="flex-start">
              <Title order={2} size="h4">
                Look around first
              </Title>
              <Text size="sm" c="dimmed">
                Adds 20 made-up clients and suppliers with jobs, calls, follow-ups and appointments. “Remove sample data” takes them all away again in one
                click and leaves what you add yourself.
              </Text>
              {hasSample ? (
                <Button component={Link} href="/today" variant="light">
                  Sample data is here: go to Today
                </Button>
              ) : (
                <Button leftSection={<IconFlask size={16} />} variant="light" loading={sample.adding} onClick={() => sample.add(() => navigate('/today'))}>
                  Explore with sample data
                </Button>
              )}
            </Stack>
          </Paper>
        </SimpleGrid>

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Settings for email, documents, backups and the Trash are in{' '}
            <Anchor component={Link} href="/settings">
              Settings
            </Anchor>
            .
          </Text>
          <Button variant="subtle" onClick={leave} loading={dismiss.isPending}>
            Not now
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
