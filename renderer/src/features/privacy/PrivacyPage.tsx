// The Privacy page (#/privacy, issue #21): the request log with its due dates, the retention rules and their review
// list, the privacy log, and the consent purposes (settings, so last). A person's own export, erasure and consent are on their page.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { PurposesEditor } from '../consent/panels';
import { RetentionSection } from '../retention/panels';
import { PrivacyLogSection } from './PrivacyLogSection';
import { RequestsSection } from './RequestsSection';

function Card({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      {children}
    </Paper>
  );
}

export function PrivacyPage() {
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Stack gap="lg">
          <PageHeader title="Privacy" subtitle="Requests about people’s data, how long you keep them, what they consented to, and a log of what was done" />
          <Card>
            <RequestsSection />
          </Card>
          <Card>
            <RetentionSection />
          </Card>
          <Card>
            <PrivacyLogSection />
          </Card>
          <Card>
            <section aria-labelledby="purposes-title">
              <Title order={2} size="h4" id="purposes-title" mb={4}>
                Consent purposes
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                What you ask people to agree to. Each person’s consent to each purpose is on their page; a campaign goes only to people who consented to its purpose.
              </Text>
              <PurposesEditor />
            </section>
          </Card>
        </Stack>
      </div>
    </div>
  );
}
