// Settings (#/settings, #/settings/<section>): the choices that were spread over several pages, gathered in one
// place. It owns no setting itself: each section is the owning feature's own panel (custom fields, email, documents,
// sample data) or a link to the page that does the work (Trash, backups, the data folder).
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useDataInfo } from '../../api/data';
import { focusWhenReady } from '../../ui/focus-keeper';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { DocumentSizeLimit } from '../documents/panels';
import { EmailSettings } from '../email/panels';
import { CustomFieldsPanel } from '../fields/panels';
import { SampleDataSettings } from '../welcome/panels';

export const SETTINGS_SECTIONS = ['fields', 'documents', 'trash', 'email', 'service', 'backups', 'data', 'sample'] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={`settings-${id}`} id={`settings-section-${id}`}>
      <Title order={2} size="h4" id={`settings-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function PageLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button component={Link} href={href} variant="default" rightSection={<IconArrowRight size={16} />}>
      {children}
    </Button>
  );
}

export function SettingsPage({ section }: { section?: string | undefined }) {
  const info = useDataInfo();
  // #/settings/documents (where the size-limit error points) opens at that section, its heading focused.
  useEffect(() => {
    if (!section || !(SETTINGS_SECTIONS as readonly string[]).includes(section)) return;
    focusWhenReady(() => {
      const heading = document.getElementById(`settings-${section}`);
      heading?.scrollIntoView({ block: 'start' });
      return heading;
    });
  }, [section]);

  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader title="Settings" subtitle="Custom fields, documents, the Trash, email, backups and where your data lives" />
      </div>
      <div className={pageClasses.scrollPage}>
        <Stack gap="lg" px="lg" pb="xl" maw={860}>
          <Section id="fields" title="Custom fields">
            <CustomFieldsPanel />
          </Section>
          <Section id="documents" title="Documents">
            <Text size="sm" c="dimmed" mb="sm">
              The largest file Rapport copies in when you attach it to a contact, company or job.
            </Text>
            <DocumentSizeLimit />
          </Section>
          <Section id="trash" title="Trash">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Deleted contacts, companies, jobs and documents wait in the Trash until you restore them or empty it.</Text>
              <PageLink href="/trash">Open the Trash to empty it</PageLink>
            </Stack>
          </Section>
          <Section id="email" title="Email">
            <Text size="sm" c="dimmed" mb="sm">
              Your own mail server, used for every email and campaign Rapport sends.
            </Text>
            <EmailSettings />
          </Section>
          <Section id="service" title="Customer service">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Business hours, response and resolution targets, case statuses and case templates.</Text>
              <PageLink href="/service">Customer service settings</PageLink>
            </Stack>
          </Section>
          <Section id="backups" title="Backups">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">How often Rapport backs up, how much space backups may use, and a second place for copies.</Text>
              <PageLink href="/backups">Backup settings</PageLink>
            </Stack>
          </Section>
          <Section id="data" title="Your data">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Everything is kept in one folder on this computer
                {info.data ? (
                  <>
                    : <code>{info.data.folder}</code>
                  </>
                ) : null}
                . Move it or export everything to one zip on the{' '}
                <Anchor component={Link} href="/data">
                  Your data
                </Anchor>{' '}
                page.
              </Text>
            </Stack>
          </Section>
          <Section id="sample" title="Sample data">
            <SampleDataSettings />
          </Section>
        </Stack>
      </div>
    </div>
  );
}
