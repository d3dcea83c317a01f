// The Settings page's "Sample data" section: what the sample holds now and the button that removes it, or the one
// that adds it when it is not here.
import { Button, Group, Text } from '@mantine/core';
import { IconFlask, IconTrash } from '@tabler/icons-react';
import { useSampleStatus } from '../../api/data';
import { focusWhenReady } from '../../ui/focus-keeper';
import { sampleSummary, sampleTotal } from './sample-words';
import { useSampleActions } from './use-sample-actions';

export function SampleDataSettings() {
  const status = useSampleStatus();
  const sample = useSampleActions();
  const counts = status.data?.sample;
  if (status.isPending) return null;
  if (counts && sampleTotal(counts) > 0) {
    return (
      <Group justify="space-between" gap="sm">
        <Text size="sm">Here now: {sampleSummary(counts)}. Removing takes exactly these, even ones you changed, and keeps everything you added.</Text>
        <Button
          data-sample-remove
          variant="default"
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={sample.removing}
          onClick={() => sample.remove(() => focusWhenReady(() => document.querySelector<HTMLElement>('[data-sample-add]')))}
        >
          Remove sample data
        </Button>
      </Group>
    );
  }
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm">Made-up clients, jobs, calls, follow-ups and appointments to try Rapport on. One click removes them again.</Text>
      <Button data-sample-add variant="default" leftSection={<IconFlask size={16} />} loading={sample.adding} onClick={() => sample.add(() => focusWhenReady(() => document.querySelector<HTMLElement>('[data-sample-remove]')))}>
        Add sample data
      </Button>
    </Group>
  );
}
