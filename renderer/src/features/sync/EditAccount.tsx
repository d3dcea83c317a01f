// Editing an account: its name, a new password (checked against the server when saved), and which address book
// and calendars it syncs, chosen among what the server offers now (asked with the stored password unless a new one
// is typed). Whatever is left alone stays as it was.
import { Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SyncAccount } from '../../../../shared/domain/sync';
import { type SyncDiscoveryResult, useDiscoverSync, useUpdateSyncAccount } from '../../api/sync';
import { focusWhenReady } from '../../ui/focus-keeper';
import { notifySuccess } from '../../ui/notify';
import { FormEnd } from './AccountForm';
import { callErrors } from './call-errors';
import { accountChoice, type Choice, choiceInput, CollectionChoice } from './CollectionChoice';
import { collectionsWords } from './words';

const FIELDS = ['name', 'password', 'addressBook', 'eventsCalendar', 'tasksCalendar', 'calendars'] as const;

export function EditAccountModal({ account, onClose }: { account: SyncAccount | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title={account ? `Edit ${account.name}` : ''} size="lg">
      {account && <EditAccountForm account={account} onDone={onClose} />}
    </Modal>
  );
}

function EditAccountForm({ account, onDone }: { account: SyncAccount; onDone: () => void }) {
  const discover = useDiscoverSync();
  const update = useUpdateSyncAccount();
  const [name, setName] = useState(account.name);
  const [password, setPassword] = useState('');
  const [found, setFound] = useState<SyncDiscoveryResult | null>(null);
  const [choice, setChoice] = useState<Choice>(() => accountChoice(account));
  const firstChoice = useRef<HTMLSelectElement>(null);
  const errors = callErrors(discover.error ?? update.error, [...FIELDS, 'serverUrl', 'username']);

  const find = async () => {
    const result = await discover.call({ serverUrl: account.serverUrl, username: account.username, accountId: account.id, ...(password ? { password } : {}) });
    if (!result) return;
    setFound(result);
    focusWhenReady(() => firstChoice.current);
  };

  const save = async () => {
    const chosen = found ? choiceInput(choice) : null;
    const saved = await update.call({
      id: account.id,
      ...(name.trim() !== account.name ? { name: name.trim() } : {}),
      ...(password ? { password } : {}),
      ...(chosen ? { addressBook: chosen.addressBook, eventsCalendar: chosen.eventsCalendar, tasksCalendar: chosen.tasksCalendar, calendars: chosen.calendars } : {}),
    });
    if (!saved) return;
    notifySuccess(`${saved.name} saved`);
    onDone();
  };

  return (
    <form
      noValidate
      aria-label={`Edit ${account.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {account.username} on {account.serverUrl}
        </Text>
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          placeholder={account.hasPassword ? 'Saved (type to change it)' : ''}
          description="Only if you changed it on the server or made a new app password. Kept in your computer's secret store."
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            update.reset();
          }}
          error={errors.fields.password}
          // Mantine's PasswordInput does not mark its input invalid by itself.
          aria-invalid={errors.fields.password ? true : undefined}
        />
        {found ? (
          <CollectionChoice found={found} value={choice} onChange={setChoice} canCreate={false} errors={errors.fields} firstRef={firstChoice} />
        ) : (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{collectionsWords(account)}</Text>
            <Button variant="default" size="xs" onClick={() => void find()} loading={discover.pending}>
              Change address book or calendars…
            </Button>
          </Stack>
        )}
        <FormEnd error={errors.general} errorTitle="Not saved" onCancel={onDone}>
          <Button type="submit" loading={update.pending}>
            Save
          </Button>
        </FormEnd>
      </Stack>
    </form>
  );
}
