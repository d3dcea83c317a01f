// "Merge with…" on a contact's or company's page (issue #20): pick the other record with the app's usual picker,
// then the merge grid (MergeModal) opens with both, for when the duplicate is known without a scan.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { CompanySelect } from '../../ui/CompanySelect';
import { ContactSelect } from '../../ui/ContactSelect';
import { type MergeKind } from './merge-words';
import { MergeModal } from './MergeModal';

interface Props {
  kind: MergeKind;
  id: string;
  name: string;
}

export function MergeWithButton({ kind, id, name }: Props) {
  const [picking, setPicking] = useState(false);
  const [ids, setIds] = useState<string[] | null>(null);
  return (
    <>
      <Button variant="default" leftSection={<IconArrowMerge size={16} />} onClick={() => setPicking(true)}>
        Merge with…
      </Button>
      <Modal opened={picking} onClose={() => setPicking(false)} title={`Merge ${name} with…`} centered>
        {picking && (
          <PickOther
            kind={kind}
            id={id}
            name={name}
            onCancel={() => setPicking(false)}
            onPicked={(other) => {
              setPicking(false);
              setIds([id, other]);
            }}
          />
        )}
      </Modal>
      {ids && <MergeModal kind={kind} ids={ids} onClose={() => setIds(null)} />}
    </>
  );
}

function PickOther({ kind, id, name, onCancel, onPicked }: Props & { onCancel: () => void; onPicked: (other: string) => void }) {
  const [other, setOther] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const what = kind === 'company' ? 'company' : 'contact';
  const error = !tried ? null : other === null ? `Choose the ${what} to merge with` : other === id ? `Choose a ${what} other than ${name}` : null;
  const Select = kind === 'company' ? CompanySelect : ContactSelect;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (other !== null && other !== id) onPicked(other);
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          Pick the {what} that is the same as {name}. You choose which details to keep next, and a merge can be undone.
        </Text>
        <Select label={kind === 'company' ? 'Company' : 'Contact'} placeholder="Type a name" value={other} onChange={setOther} error={error} data-autofocus />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Continue</Button>
        </Group>
      </Stack>
    </form>
  );
}
