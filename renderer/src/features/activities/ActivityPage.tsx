// Everything logged with everyone, newest first: the global activity timeline.
import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { quickLog } from './quick-log-store';
import { Timeline } from './Timeline';

const ALL = {};

export function ActivityPage() {
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          title="Activity"
          subtitle="Calls, emails, meetings, notes and letters with everyone"
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => quickLog.open()} aria-keyshortcuts="Control+L Meta+L">
              Log activity
            </Button>
          }
        />
        <div className={pageClasses.formGap}>
          <Timeline
            scope={ALL}
            showContact
            title="All activity"
            empty={
              <Text size="sm" c="dimmed" mt="md">
                Nothing logged yet. After a call or a meeting, press Ctrl+L (⌘L on a Mac) to log it in a few keystrokes.
              </Text>
            }
          />
        </div>
      </div>
    </div>
  );
}
