// The duplicates view (issue #20): scan contacts or companies for records entered twice (with progress and Cancel),
// then the groups found, best first, at a "How alike" threshold the user moves; each can be merged or marked
// "Not a duplicate" (remembered by main, never suggested again).
import { Anchor, Button, Group, Paper, Progress, SegmentedControl, Slider, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconScan } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { type MouseEvent, useState } from 'react';
import { Link } from 'wouter';
import { DEFAULT_DUPLICATE_THRESHOLD, type DuplicateGroup, type DuplicateKind } from '../../../../shared/domain/duplicates';
import { useCancelDuplicateScan, useDismissDuplicates, useDuplicateList, useDuplicateScan } from '../../api/duplicates';
import { Empty } from '../../ui/Empty';
import { planFocusAfterRemoval } from '../../ui/focus-keeper';
import { plural } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { MergeModal } from '../merges/panels';
import { DuplicateGroupCard, groupKey } from './DuplicateGroupCard';
import { dismissedText, noun, percent, progressText, scanResultText } from './duplicates-text';

/** This page's toasts, each replacing its previous one. */
const TOAST = { scan: 'duplicates-scan', dismissed: 'duplicates-dismissed' };

/** The slider's range: below half alike, most pairs are different people. */
const MIN_THRESHOLD = 0.5;

export function DuplicatesPage() {
  const [kind, setKind] = useState<DuplicateKind>('contact');
  // What the slider shows while dragged, and what the list asks for once it is let go; until the user moves it,
  // the threshold saved in settings (main answers with it), else the default.
  const [sliding, setSliding] = useState<number | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [merging, setMerging] = useState<string[] | null>(null);
  const list = useDuplicateList(kind, threshold);
  const scan = useDuplicateScan();
  const cancel = useCancelDuplicateScan();
  const dismiss = useDismissDuplicates();
  const groups = list.data?.groups ?? [];
  const scannedAt = list.data?.scannedAt ?? null;
  const scanning = scan.isPending && scan.variables === kind;
  const shown = sliding ?? list.data?.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;

  const startScan = () => scan.mutate(kind, { onSuccess: (result) => notifySuccess(scanResultText(kind, result), TOAST.scan) });

  const openMerge = (group: DuplicateGroup) => {
    // The dialog's buttons sit where these toasts are: what they said is done with once the user moves on.
    notifications.hide(TOAST.scan);
    notifications.hide(TOAST.dismissed);
    setMerging(group.members.map((m) => m.id));
  };

  const notADuplicate = (group: DuplicateGroup, event: MouseEvent<HTMLButtonElement>) => {
    const refocus = planFocusAfterRemoval(event.currentTarget);
    dismiss.mutate(
      { kind, ids: group.members.map((m) => m.id) },
      {
        onSuccess: () => {
          refocus();
          notifySuccess(dismissedText(kind, group.members.map((m) => m.displayName)), TOAST.dismissed);
        },
      },
    );
  };

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content} data-focus-home>
        <Anchor component={Link} href="/quality" size="sm" c="dimmed">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            Data quality
          </Group>
        </Anchor>
        <PageHeader
          title="Duplicates"
          subtitle={
            scannedAt ? (
              <span title={new Date(scannedAt).toLocaleString()}>Last scanned {formatDistanceToNow(new Date(scannedAt), { addSuffix: true })}</span>
            ) : list.isSuccess ? (
              'Not scanned yet'
            ) : undefined
          }
          actions={
            <Button leftSection={<IconScan size={16} />} onClick={startScan} loading={scanning} disabled={scan.isPending}>
              Scan for duplicates
            </Button>
          }
        />
        <Group mt="md" gap="xl" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="Look for"
            value={kind}
            onChange={(v) => setKind(v as DuplicateKind)}
            data={[
              { value: 'contact', label: 'Contacts' },
              { value: 'company', label: 'Companies' },
            ]}
          />
          <Stack gap={4} w={320} maw="100%">
            <Text size="sm" fw={500}>
              How alike: at least {percent(shown)}
            </Text>
            <Slider
              thumbLabel="How alike"
              thumbProps={{ 'aria-valuetext': `at least ${percent(shown)}` }}
              min={MIN_THRESHOLD}
              max={1}
              step={0.05}
              value={Math.max(MIN_THRESHOLD, shown)}
              onChange={setSliding}
              onChangeEnd={setThreshold}
              label={percent}
              marks={[
                { value: 0.5, label: 'Looser' },
                { value: 1, label: 'Identical' },
              ]}
              mb="md"
            />
          </Stack>
        </Group>
        {scanning && (
          <Paper withBorder p="md" mt="md" role="status" aria-label="Scan progress">
            <Group justify="space-between" mb="xs">
              <Text size="sm">{progressText(kind, scan.progress)}</Text>
              <Button size="xs" variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                Cancel
              </Button>
            </Group>
            <Progress value={scan.progress && scan.progress.total > 0 ? (100 * scan.progress.done) / scan.progress.total : 0} animated aria-hidden />
          </Paper>
        )}
        <Stack gap="sm" mt="lg" component="section" aria-label={`Likely duplicate ${noun(kind, 2)}`}>
          {groups.length > 0 && (
            <Text size="sm" c="dimmed">
              {plural(groups.length, 'group')}, most alike first{groups.length >= 100 ? ' (the first 100; merge or dismiss some to see more)' : ''}.
            </Text>
          )}
          {groups.map((group) => (
            <DuplicateGroupCard
              key={groupKey(group)}
              group={group}
              dismissing={dismiss.isPending && dismiss.variables?.ids.join('+') === groupKey(group)}
              onMerge={() => openMerge(group)}
              onDismiss={(event) => notADuplicate(group, event)}
            />
          ))}
          {list.isSuccess && groups.length === 0 && !scanning && (
            <div data-focus-empty>
              {scannedAt === null ? (
                <Empty
                  mt="xl"
                  title="Not scanned yet"
                  description={
                    kind === 'contact'
                      ? 'Scan to find contacts entered twice: the same email or phone in any format, names alike (Bob and Robert Smith), initials or swapped names.'
                      : 'Scan to find companies entered twice: the same name without "Ltd" or "Inc", the same website or phone.'
                  }
                />
              ) : (
                <Empty mt="xl" title="No duplicates at this threshold" description="Move “How alike” lower to see looser matches, or scan again after adding or importing." />
              )}
            </div>
          )}
        </Stack>
        {merging && <MergeModal kind={kind} ids={merging} onClose={() => setMerging(null)} />}
      </div>
    </div>
  );
}
