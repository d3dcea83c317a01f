// A strip above every page while the sample data is here, so nobody mistakes the made-up clients for their own, with
// the one click that removes them. Focus goes to the page's heading when the strip (and its button) goes.
import { Button, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useSampleStatus } from '../../api/data';
import { focusWhenReady } from '../../ui/focus-keeper';
import { sampleTotal } from './sample-words';
import { useSampleActions } from './use-sample-actions';
import classes from './Welcome.module.css';

export function SampleBanner() {
  const status = useSampleStatus();
  const sample = useSampleActions();
  const counts = status.data?.sample;
  if (!counts || sampleTotal(counts) === 0) return null;
  const remove = () => sample.remove(() => focusWhenReady(() => document.querySelector<HTMLElement>('main h1')));
  return (
    <div className={classes.banner} role="region" aria-label="Sample data notice">
      <Text size="sm">
        <IconFlask size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 6 }} />
        You are looking at sample data: made-up clients, jobs and follow-ups to try things on.
      </Text>
      <Button size="compact-sm" variant="default" loading={sample.removing} onClick={remove}>
        Remove sample data
      </Button>
    </div>
  );
}
