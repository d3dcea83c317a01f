// The campaign's last step before anything is queued (issue #18): how many it sends to, how many are skipped and
// why, the first of them by name, and the campaign's name (the template's and the segment's, editable).
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CampaignPreview } from '../../../../shared/domain/email';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useCampaignPreview } from '../../api/email';
import { formatCount, plural } from '../../ui/format';

type Reason = CampaignPreview['reasons'][number]['reason'];

/** Each reason as said of a number of people: "1 has no email address", "2 have not opted in". */
const REASON_WORDS: Record<Reason, [one: string, many: string]> = {
  noEmail: ['has no email address', 'have no email address'],
  noConsent: ['has no consent for it', 'have no consent for it'],
  withdrawn: ['withdrew consent for it', 'withdrew consent for it'],
  trashed: ['is in the Trash', 'are in the Trash'],
  duplicate: ['shares an address with someone it already goes to', 'share an address with someone it already goes to'],
  mergeField: ['has no value for a merge field', 'have no value for a merge field'],
};

/** "Sends to 3 · 2 skipped: 1 has no email address, 1 has not opted in". */
export function previewSummary(p: CampaignPreview): string {
  const sends = `Sends to ${formatCount(p.sends)}`;
  if (p.skipped === 0) return sends;
  const why = p.reasons.map((r) => `${formatCount(r.count)} ${REASON_WORDS[r.reason][r.count === 1 ? 0 : 1]}`).join(', ');
  return `${sends} · ${formatCount(p.skipped)} skipped: ${why}`;
}

interface Props {
  /** What would be queued; null while the dialog is closed. */
  input: ChannelInput<'campaigns.preview'> | null;
  busy: boolean;
  onConfirm: (name: string | undefined) => void;
  onClose: () => void;
}

export function CampaignConfirm({ input, busy, onConfirm, onClose }: Props) {
  return (
    <Modal opened={input !== null} onClose={onClose} title="Queue this campaign?" centered size="lg">
      {input && <ConfirmBody input={input} busy={busy} onConfirm={onConfirm} onClose={onClose} />}
    </Modal>
  );
}

function ConfirmBody({ input, busy, onConfirm, onClose }: Props & { input: ChannelInput<'campaigns.preview'> }) {
  const preview = useCampaignPreview(input);
  const [name, setName] = useState<string | null>(null);
  if (preview.isPending) return <Loader size="sm" aria-label="Counting who it goes to" />;
  if (preview.isError || !preview.data) {
    return (
      <Alert color="red" title="Could not count who it goes to">
        Close this and try again.
      </Alert>
    );
  }
  const p = preview.data;
  const shownName = name ?? p.name;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (p.sends > 0) onConfirm(shownName.trim() || undefined);
      }}
    >
      <Stack>
        <TextInput label="Campaign name" value={shownName} maxLength={100} onChange={(e) => setName(e.currentTarget.value)} />
        <Text fw={600} role="status">
          {previewSummary(p)}
        </Text>
        {p.examples.length > 0 && (
          <List size="sm" aria-label="Skipped">
            {p.examples.map((s) => (
              <List.Item key={s.contactId}>
                {s.name}: {s.reason}
              </List.Item>
            ))}
            {p.skipped > p.examples.length && <List.Item>…and {formatCount(p.skipped - p.examples.length)} more</List.Item>}
          </List>
        )}
        {p.sends === 0 && <Text size="sm">Nobody in this group can get it. Choose another group, or check their email addresses and opt-in.</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={p.sends === 0} data-autofocus>
            Queue {plural(p.sends, 'email')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
