// "Erase this person…" (issue #21): first the dry run (what goes, store by store; what stays without their part and
// why; what erasure cannot reach), then a confirmation that makes the user type the person's name, with "Also remove
// them from backups". Nothing is erased before that. The contact page and the retention review both open it.
import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useErasePerson, useErasePreview } from '../../api/privacy';
import { formatCount } from '../../ui/format';
import { errorText } from '../../ui/notify';

export type EraseResult = ChannelOutput<'privacy.erase'>;

interface Props {
  contact: { id: string; name: string } | null;
  onClose: () => void;
  /** After the erasure: the caller moves away from the person (their page no longer exists) and says so. */
  onErased: (result: EraseResult, name: string) => void;
}

export function EraseDialog({ contact, onClose, onErased }: Props) {
  return (
    <Modal opened={contact !== null} onClose={onClose} title={contact ? `Erase ${contact.name}` : ''} size="lg">
      {contact && <EraseBody key={contact.id} contact={contact} onClose={onClose} onErased={onErased} />}
    </Modal>
  );
}

/** Typed names match whatever the case and spacing: the point is a deliberate act, not a spelling test. */
const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

function EraseBody({ contact, onClose, onErased }: Omit<Props, 'contact'> & { contact: { id: string; name: string } }) {
  const preview = useErasePreview(contact.id);
  const erase = useErasePerson();
  const [step, setStep] = useState<'preview' | 'confirm'>('preview');
  const [typed, setTyped] = useState('');
  const [purgeBackups, setPurgeBackups] = useState(false);
  const p = preview.data;
  const name = p?.displayName ?? contact.name;

  if (preview.isPending) return <Loader size="sm" aria-label="Working out what erasing them removes" />;
  if (!p) {
    return (
      <Alert color="red" title="Could not work out what erasing them removes">
        {errorText(preview.error)}
      </Alert>
    );
  }

  if (step === 'preview') {
    return (
      <Stack gap="md">
        <Text size="sm">Erasing removes {name} from every part of Rapport for good. It cannot be undone (the Trash does not keep them). This is what happens:</Text>
        <section aria-labelledby="erase-removed">
          <Title order={3} size="h5" id="erase-removed" mb={4}>
            What goes
          </Title>
          <Table aria-label="What goes" verticalSpacing={2}>
            <Table.Tbody>
              {p.removed.map((r) => (
                <Table.Tr key={r.what}>
                  <Table.Td>{r.what}</Table.Td>
                  <Table.Td ta="right" w={80}>
                    {formatCount(r.count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        {p.kept.length > 0 && (
          <section aria-labelledby="erase-kept">
            <Title order={3} size="h5" id="erase-kept" mb={4}>
              What stays, without their part
            </Title>
            <List size="sm" spacing={2}>
              {p.kept.map((k) => (
                <List.Item key={`${k.what}|${k.why}`}>
                  {k.what}: {k.why}
                </List.Item>
              ))}
            </List>
          </section>
        )}
        {p.cannotReach.length > 0 && (
          <section aria-labelledby="erase-unreached">
            <Title order={3} size="h5" id="erase-unreached" mb={4}>
              What erasing cannot reach
            </Title>
            <List size="sm" spacing={2}>
              {p.cannotReach.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          </section>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" data-autofocus onClick={() => setStep('confirm')}>
            Continue…
          </Button>
        </Group>
      </Stack>
    );
  }

  const matches = same(typed, name);
  return (
    <form
      aria-label={`Confirm erasing ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches) return;
        erase.mutate({ contactId: contact.id, purgeBackups }, { onSuccess: (result) => onErased(result, name) });
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          To erase {name} for good, type their name. Rapport takes a backup first; it then keeps only one-way fingerprints of their name, emails and phones, so
          that if a backup, an import or a sync brings them back, it asks you first.
        </Text>
        <TextInput label={`Type “${name}” to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-autofocus autoComplete="off" />
        <Checkbox
          label="Also remove them from backups"
          description="Rewrites every backup in the backups folder (and the second place) without them. Without this, older backups still hold them until they are replaced."
          checked={purgeBackups}
          onChange={(e) => setPurgeBackups(e.currentTarget.checked)}
        />
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setStep('preview')}>
            Back
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={erase.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={erase.isPending}>
              Erase for good
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
