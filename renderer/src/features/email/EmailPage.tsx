// Email (#/email/<tab>): the outbox, templates, campaigns and account settings.
import { Tabs } from '@mantine/core';
import { useLocation } from 'wouter';
import { useWakeOutboxWhenOnline } from '../../api/email';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { CampaignsPanel } from './CampaignsPanel';
import { OutboxPanel } from './OutboxPanel';
import { SettingsPanel } from './SettingsPanel';
import { TemplatesPanel } from './TemplatesPanel';

const TABS = ['outbox', 'templates', 'campaigns', 'settings'] as const;
type Tab = (typeof TABS)[number];

export function EmailPage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  useWakeOutboxWhenOnline();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'outbox';
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader title="Email" />
        <Tabs value={current} onChange={(v) => navigate(v === 'outbox' ? '/email' : `/email/${v}`)} mt="md" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="outbox">Outbox</Tabs.Tab>
            <Tabs.Tab value="templates">Templates</Tabs.Tab>
            <Tabs.Tab value="campaigns">Campaigns</Tabs.Tab>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="outbox" pt="md">
            <OutboxPanel />
          </Tabs.Panel>
          <Tabs.Panel value="templates" pt="md">
            <TemplatesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="campaigns" pt="md">
            <CampaignsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <SettingsPanel />
          </Tabs.Panel>
        </Tabs>
      </div>
    </div>
  );
}
