// Backup settings: hourly on or off, the size cap, the second place (a folder on another drive or a synced
// folder) and optional encryption of the copies there, with a plain warning that a lost passphrase is final.
import { Alert, Button, Card, Group, NumberInput, PasswordInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { pickBackupFolder, useBackupSettings, useUpdateBackupSettings } from '../../api/backups';
import { notifyError, notifySuccess } from '../../ui/notify';

export function BackupSettingsPanel() {
  const settings = useBackupSettings();
  const update = useUpdateBackupSettings();
  const [passphrase, setPassphrase] = useState('');
  const s = settings.data;
  if (!s) return null;
  const save = (input: Parameters<typeof update.mutate>[0], done?: string) =>
    update.mutate(input, { onSuccess: () => done && notifySuccess(done), onError: notifyError });

  const chooseFolder = async () => {
    const folder = await pickBackupFolder();
    if (folder) save({ secondFolder: folder }, 'Each backup will also be copied there.');
  };

  return (
    <Card withBorder mt="xl" aria-label="Backup settings">
      <Title order={2} size="h4">
        Settings
      </Title>
      <Stack mt="sm">
        <Switch label="Back up every hour when something changed" checked={s.hourly} onChange={(e) => save({ hourly: e.currentTarget.checked })} />
        <NumberInput
          label="Space backups may use (GB)"
          description="When backups need more, the oldest go first; the newest 3 are always kept."
          min={0.1}
          step={1}
          defaultValue={s.capGb}
          onBlur={(e) => {
            const value = Number(e.currentTarget.value);
            if (Number.isFinite(value) && value !== s.capGb) save({ capGb: value });
          }}
          maw={260}
        />
        <div>
          <Text fw={600} size="sm">
            Second copy
          </Text>
          <Text size="sm" c="dimmed">
            {s.secondFolder ? `Each backup is also copied to ${s.secondFolder}.` : 'Choose a folder on an external drive or a synced folder for a second copy of each backup.'}
          </Text>
          {s.secondPlace.message && (
            <Alert mt="xs" color="orange" role="alert">
              {s.secondPlace.message}
            </Alert>
          )}
          <Group mt="xs">
            <Button variant="default" onClick={() => void chooseFolder()}>
              {s.secondFolder ? 'Choose another folder…' : 'Choose folder…'}
            </Button>
            {s.secondFolder && (
              <Button variant="subtle" color="gray" onClick={() => save({ secondFolder: null })}>
                Stop copying there
              </Button>
            )}
          </Group>
        </div>
        <div>
          <Switch
            label="Encrypt the second copy with a passphrase"
            checked={s.encrypt}
            disabled={!s.passphraseSaved && !s.encrypt}
            onChange={(e) => save({ encrypt: e.currentTarget.checked })}
          />
          <Alert mt="xs" color="red" variant="light" title="A lost passphrase cannot be recovered">
            Nobody, not even Rapport, can open an encrypted copy without its passphrase. Write it down and keep it somewhere safe.
            {!s.secretsSecure && ' This computer has no secure place to keep it, so it is kept in a file only your user can read.'}
          </Alert>
          <Group mt="xs" align="flex-end">
            <PasswordInput label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} w={260} autoComplete="new-password" />
            <Button
              variant="default"
              disabled={passphrase.length < 8}
              onClick={() => {
                save({ passphrase, encrypt: true }, 'Passphrase saved: the second copy is encrypted.');
                setPassphrase('');
              }}
            >
              Save passphrase
            </Button>
          </Group>
          {s.passphraseSaved && (
            <Text size="xs" c="dimmed" mt={4}>
              A passphrase is saved in this computer’s secret store.
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}
