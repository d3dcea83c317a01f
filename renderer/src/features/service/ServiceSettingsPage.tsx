// Customer service settings (#/service, #/service/<tab>): business hours, targets, statuses and case templates.
import { Anchor, Tabs } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { CalendarSettings } from './CalendarSettings';
import { StatusesSettings } from './StatusesSettings';
import { TargetsSettings } from './TargetsSettings';
import { TemplatesSettings } from './TemplatesSettings';

const TABS = ['hours', 'targets', 'statuses', 'templates'] as const;

export function ServiceSettingsPage({ tab }: { tab?: string | undefined }) {
  const [, navigate] = useLocation();
  const current = (TABS as readonly string[]).includes(tab ?? '') ? tab! : 'hours';
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Anchor component={Link} href="/cases" size="sm">
          ← Cases
        </Anchor>
        <PageHeader
          title="Customer service settings"
          subtitle={
            <>
              Business hours and targets for cases. See how you are doing in the{' '}
              <Anchor component={Link} href="/reports/service" size="sm">
                service report
              </Anchor>
              .
            </>
          }
        />
        <Tabs value={current} onChange={(v) => v && navigate(`/service/${v}`, { replace: true })} mt="md" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="hours">Business hours</Tabs.Tab>
            <Tabs.Tab value="targets">Targets</Tabs.Tab>
            <Tabs.Tab value="statuses">Statuses</Tabs.Tab>
            <Tabs.Tab value="templates">Case templates</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="hours" pt="md">
            <CalendarSettings />
          </Tabs.Panel>
          <Tabs.Panel value="targets" pt="md">
            <TargetsSettings />
          </Tabs.Panel>
          <Tabs.Panel value="statuses" pt="md">
            <StatusesSettings />
          </Tabs.Panel>
          <Tabs.Panel value="templates" pt="md">
            <TemplatesSettings />
          </Tabs.Panel>
        </Tabs>
      </div>
    </div>
  );
}
