// The dialog behind each bulk action on the contacts selection: what to change (tags, kind, opt-in with its consent
// note, company) or, for Trash, a plain confirmation. It says how many contacts the change is for.
import { Button, Group, Modal, Radio, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ContactKind } from '../../../../shared/domain/contact';
import type { BulkChange } from '../../../../shared/domain/contact-bulk';
import { useTags } from '../../api/search';
import { CompanySelect } from '../../ui/CompanySelect';
import { plural } from '../../ui/format';
import { KIND_OPTIONS } from './contact-labels';

export type BulkAction = BulkChange['action'];

export const BULK_TITLES: Record<BulkAction, string> = {
  addTags: 'Add tags',
  removeTags: 'Remove tags',
  setKind: 'Set kind',
  setEmailOptIn: 'Set email opt-in',
  linkCompany: 'Link to a company',
  trash: 'Move to Trash',
};

interface Props {
  action: BulkAction | null;
  /** How many contacts the change is for. */
  count: number;
  busy: boolean;
  onApply: (change: BulkChange) => void;
  onClose: () => void;
}

export function BulkChangeModal({ action, count, busy, onApply, onClose }: Props) {
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? `${BULK_TITLES[action]}: ${plural(count, 'contact')}` : ''} centered>
      {/* Keyed by action: each dialog starts empty. */}
      {action && <BulkChangeForm key={action} action={action} count={count} busy={busy} onApply={onApply} onClose={onClose} />}
    </Modal>
  );
}

function BulkChangeForm({ action, count, busy, onApply, onClose }: Props & { action: BulkAction }) {
  const tags = useTags();
  const [chosenTags, setTags] = useState<string[]>([]);
  const [kind, setKind] = useState<ContactKind | null>(null);
  const [optIn, setOptIn] = useState<'on' | 'off' | null>(null);
  const [note, setNote] = useState('');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const change = ((): BulkChange | null => {
    switch (action) {
      case 'addTags':
      case 'removeTags':
        return chosenTags.length > 0 ? { action, tags: chosenTags } : null;
      case 'setKind':
        return kind ? { action, kind } : null;
      case 'setEmailOptIn':
        return optIn && note.trim() ? { action, emailOptIn: optIn === 'on', note: note.trim() } : null;
      case 'linkCompany':
        return companyId ? { action, companyId } : null;
      case 'trash':
        return { action };
    }
  })();
  const submit = () => {
    setTried(true);
    if (change) onApply(change);
  };
  const missing = (what: string, has: boolean) => (tried && !has ? what : undefined);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {(action === 'addTags' || action === 'removeTags') && (
          <TagsInput
            data-autofocus
            label={action === 'addTags' ? 'Tags to add' : 'Tags to remove'}
            placeholder="Type a tag and press Enter"
            data={(tags.data?.items ?? []).map((t) => t.tag)}
            value={chosenTags}
            onChange={setTags}
            error={missing('Enter a tag', chosenTags.length > 0)}
          />
        )}
        {action === 'setKind' && (
          <Select data-autofocus label="Kind" data={KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as ContactKind | null)} error={missing('Choose a kind', !!kind)} />
        )}
        {action === 'setEmailOptIn' && (
          <>
            <Radio.Group label="Marketing email" value={optIn} onChange={(v) => setOptIn(v as 'on' | 'off')} error={missing('Choose yes or no', !!optIn)}>
              <Group mt="xs">
                <Radio data-autofocus value="on" label="Opted in" />
                <Radio value="off" label="Not opted in" />
              </Group>
            </Radio.Group>
            <Textarea
              label="Consent note"
              description="Where and when they agreed or asked to stop. Kept with the change."
              placeholder="Signed up on the form at the trade show, 3 May"
              autosize
              minRows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={missing('Say where the consent came from', !!note.trim())}
            />
          </>
        )}
        {action === 'linkCompany' && (
          <CompanySelect data-autofocus label="Company" placeholder="Type to search companies" value={companyId} onChange={setCompanyId} error={missing('Choose a company', !!companyId)} />
        )}
        {action === 'trash' && <Text size="sm">{plural(count, 'contact')} will go to the Trash. Undo brings them back.</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color={action === 'trash' ? 'red' : undefined} loading={busy} data-autofocus={action === 'trash' ? true : undefined}>
            {action === 'trash' ? 'Move to Trash' : `Change ${plural(count, 'contact')}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
