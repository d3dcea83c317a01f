// "Move data folder": choose a folder, read what will happen (checked first, nothing copied yet), confirm, watch it
// copy and verify; then Rapport must restart in the new place.
import { Alert, Button, Group, List, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFolderShare } from '@tabler/icons-react';
import { useState } from 'react';
import { formatBytes } from '../../../../shared/domain/text';
import { pickDataFolder, useCheckMove, useMoveFolder, type MoveProgress } from '../../api/data';
import { errorText } from '../../ui/notify';
import { plural } from '../../ui/format';

const STEP_LABELS: Record<MoveProgress['step'], string> = {
  waiting: 'Waiting for other work to finish',
  backup: 'Backing up first',
  database: 'Copying the data file',
  files: 'Copying documents and backups',
  verify: 'Checking the copy',
  switch: 'Switching to the new folder',
};

export function MoveDataFolder({ folder }: { folder: string | undefined }) {
  const check = useCheckMove();
  const mover = useMoveFolder();
  const [target, setTarget] = useState<string | null>(null);
  const plan = check.data && !check.isPending ? check.data : null;
  const { progress } = mover;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  const choose = async () => {
    const picked = await pickDataFolder();
    if (!picked) return;
    mover.reset();
    setTarget(picked);
    check.mutate(picked);
  };
  const close = () => {
    setTarget(null);
    check.reset();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="move-folder-title">
      <Title order={2} size="h4" id="move-folder-title">
        Move data folder
      </Title>
      <Text size="sm">
        Your data is kept in <b style={{ wordBreak: 'break-all' }}>{folder ?? '…'}</b>. To keep it somewhere else (another disk, a folder you back up), choose a new
        folder: Rapport checks it, copies everything there and checks every file before it switches.
      </Text>
      <Group>
        <Button variant="default" leftSection={<IconFolderShare size={16} />} onClick={() => void choose()} disabled={mover.isPending || mover.isSuccess}>
          Move data folder…
        </Button>
      </Group>
      {check.isError && target && (
        <Alert color="red" title="That folder cannot be used">
          {errorText(check.error)}
        </Alert>
      )}
      {mover.isError && (
        <Alert color="red" title="Your data was not moved">
          {errorText(mover.error)} Your data is still where it was and nothing was changed.
        </Alert>
      )}
      {mover.isSuccess && (
        <Alert color="green" title="Your data has moved" data-testid="move-done">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            Everything is now in {mover.data.to}. Rapport restarts to open it there; until then nothing more can be changed. The old copy in {mover.data.from} is
            removed when Rapport has opened the new folder (a small note stays there so Rapport can find your data).
          </Text>
        </Alert>
      )}

      <Modal opened={plan !== null && target !== null && !mover.isSuccess} onClose={close} title="Move your data?" size="lg">
        {plan && (
          <Stack gap="sm">
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              From {plan.from}
              <br />
              to {plan.to}
            </Text>
            <List size="sm" type="ordered">
              <List.Item>A backup of your data is taken in the current folder.</List.Item>
              <List.Item>
                {plan.files === 1 ? 'The data file' : plural(plan.files, 'file')} ({formatBytes(plan.bytes)}) {plan.files === 1 ? 'is' : 'are'} copied to the new folder, and each copy is checked against its original.
                {plan.freeBytes !== null && ` The new folder's disk has ${formatBytes(plan.freeBytes)} free.`}
              </List.Item>
              <List.Item>Rapport then switches to the new folder and restarts. Other work waits while this runs.</List.Item>
              <List.Item>The old copy is removed once Rapport has opened the new folder; a small note stays in the old folder so Rapport can find your data.</List.Item>
            </List>
            {mover.isPending && (
              <Stack gap={4} aria-live="polite">
                <Text size="sm">{progress ? STEP_LABELS[progress.step] : 'Starting…'}</Text>
                <Progress value={percent} aria-label="Move progress" animated />
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={mover.isPending}>
                Keep it where it is
              </Button>
              <Button onClick={() => target && mover.mutate(target)} loading={mover.isPending}>
                Move my data
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
