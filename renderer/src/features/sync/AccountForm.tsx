// Connecting a server, in two steps in one dialog: the login (address, user name, password), checked by asking the
// server what it offers ("Find address books and calendars"); then which address book and calendars to sync, and Add.
// Changing the login after the server answered asks again, so what is added is always what was checked.
import { Alert, Anchor, Button, Collapse, Group, List, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import type { SyncAccount } from '../../../../shared/domain/sync';
import { type SyncDiscoveryResult, useAddSyncAccount, useDiscoverSync } from '../../api/sync';
import { focusWhenReady } from '../../ui/focus-keeper';
import { callErrors } from './call-errors';
import { type Choice, choiceInput, CollectionChoice, defaultChoice } from './CollectionChoice';
import { SERVER_HINTS } from './words';

const LOGIN_FIELDS = ['name', 'serverUrl', 'username', 'password'] as const;
const CHOICE_FIELDS = ['addressBook', 'createAddressBook', 'eventsCalendar', 'tasksCalendar', 'createCalendar', 'calendars'] as const;

interface Login {
  name: string;
  serverUrl: string;
  username: string;
  password: string;
}

export function AddAccountModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (account: SyncAccount) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Connect a server" size="lg">
      {opened && <AddAccountForm onCancel={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function AddAccountForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (account: SyncAccount) => void }) {
  const discover = useDiscoverSync();
  const add = useAddSyncAccount();
  const [login, setLogin] = useState<Login>({ name: '', serverUrl: '', username: '', password: '' });
  const [found, setFound] = useState<SyncDiscoveryResult | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const firstChoice = useRef<HTMLSelectElement>(null);
  const errors = callErrors(discover.error ?? add.error, [...LOGIN_FIELDS, ...CHOICE_FIELDS]);

  const setField = (field: keyof Login, value: string) => {
    setLogin({ ...login, [field]: value });
    // What the server offered belongs to the login it was asked with.
    if (field !== 'name' && found) {
      setFound(null);
      setChoice(null);
    }
    discover.reset();
    add.reset();
  };

  const find = async () => {
    add.reset();
    const result = await discover.call({ serverUrl: login.serverUrl, username: login.username, password: login.password });
    if (!result) return;
    setFound(result);
    setChoice(defaultChoice(result));
    focusWhenReady(() => firstChoice.current);
  };

  const submit = async () => {
    if (!found || !choice) return void find();
    const account = await add.call({
      ...(login.name.trim() ? { name: login.name.trim() } : {}),
      serverUrl: login.serverUrl,
      username: login.username,
      password: login.password,
      ...choiceInput(choice),
    });
    if (account) onAdded(account);
  };

  return (
    <form
      noValidate
      aria-label="Connect a server"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Rapport keeps your contacts, appointments and follow-ups in step with an address book and a calendar on your own server, so your phone and other
          computers see them too.
        </Text>
        <TextInput
          label="Server address"
          placeholder="https://cloud.example.com"
          required
          autoComplete="url"
          data-autofocus
          value={login.serverUrl}
          onChange={(e) => setField('serverUrl', e.currentTarget.value)}
          error={errors.fields.serverUrl}
        />
        <ServerHints />
        <TextInput label="User name" required autoComplete="username" value={login.username} onChange={(e) => setField('username', e.currentTarget.value)} error={errors.fields.username} />
        <PasswordInput
          label="Password or app password"
          required
          autoComplete="current-password"
          description="Kept in your computer's secret store (the system keychain), never in Rapport's data file."
          value={login.password}
          onChange={(e) => setField('password', e.currentTarget.value)}
          error={errors.fields.password}
          // Mantine's PasswordInput does not mark its input invalid by itself.
          aria-invalid={errors.fields.password ? true : undefined}
        />
        <TextInput
          label="Name for this account"
          description="Shown on the Sync page. Leave empty to use the server's address."
          value={login.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.fields.name}
        />
        {found && choice && <CollectionChoice found={found} value={choice} onChange={setChoice} canCreate errors={errors.fields} firstRef={firstChoice} />}
        <FormEnd error={errors.general} errorTitle={found ? 'The account was not added' : 'Rapport could not use this server'} onCancel={onCancel}>
          {found ? (
            <>
              <Button variant="default" onClick={() => void find()} loading={discover.pending}>
                Find again
              </Button>
              <Button type="submit" loading={add.pending}>
                Add account
              </Button>
            </>
          ) : (
            <Button type="submit" loading={discover.pending}>
              Find address books and calendars
            </Button>
          )}
        </FormEnd>
      </Stack>
    </form>
  );
}

/** The end of a sync form: a failure no field can show (in the app's words), then Cancel and the form's own buttons. */
export function FormEnd({ error, errorTitle, onCancel, children }: { error: string | null; errorTitle: string; onCancel: () => void; children: ReactNode }) {
  return (
    <>
      {error && (
        <Alert color="red" role="alert" title={errorTitle}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        {children}
      </Group>
    </>
  );
}

/** Where to find the address and password for the servers people use most, in plain words. */
export function ServerHints() {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Anchor
        component="button"
        type="button"
        size="sm"
        aria-expanded={open}
        aria-controls="sync-server-hints"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide the help for Nextcloud, Fastmail, iCloud…' : 'Using Nextcloud, Fastmail or iCloud? Use an app password'}
      </Anchor>
      <Collapse expanded={open} id="sync-server-hints">
        <List size="sm" spacing={4} mt={4}>
          {SERVER_HINTS.map((hint) => (
            <List.Item key={hint.name}>
              <b>{hint.name}</b>: address {hint.address}. {hint.note}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt={4}>
          An app password is a second password made just for Rapport: it works even with two-step sign-in, and you can withdraw it on the server at any
          time without changing your main password.
        </Text>
      </Collapse>
    </div>
  );
}
