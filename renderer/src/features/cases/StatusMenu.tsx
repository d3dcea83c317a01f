// The status menu on a case page, grouped by category (Open, Waiting, Resolved, Closed). A waiting status asks for
// an optional "remind me on" date first, since the clock stops while the case waits.
import { Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { StatusCategory } from '../../../../shared/domain/case';
import { type CaseRow, type CaseStatusRow, useCaseStatuses, useSetCaseStatus } from '../../api/cases';
import { reasonText } from '../../ui/notify';
import { CATEGORY_LABELS } from './case-text';

const ORDER: StatusCategory[] = ['open', 'waiting', 'resolved', 'closed'];

export function StatusMenu({ c }: { c: CaseRow }) {
  const statuses = useCaseStatuses().data?.statuses ?? [];
  const set = useSetCaseStatus();
  const [waiting, setWaiting] = useState<CaseStatusRow | null>(null);
  const choose = (s: CaseStatusRow) => {
    if (s.category === 'waiting') setWaiting(s);
    else set.mutate({ id: c.id, statusId: s.id });
  };
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" rightSection={<IconChevronDown size={14} />} loading={set.isPending} aria-label={`Status: ${c.statusName}`}>
            Status: {c.statusName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {ORDER.map((category) => {
            const group = statuses.filter((s) => s.category === category);
            if (group.length === 0) return null;
            return (
              <Fragment key={category}>
                <Menu.Label>{CATEGORY_LABELS[category]}</Menu.Label>
                {group.map((s) => (
                  <Menu.Item key={s.id} disabled={s.id === c.statusId} onClick={() => choose(s)}>
                    {s.name}
                  </Menu.Item>
                ))}
              </Fragment>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={waiting !== null} onClose={() => setWaiting(null)} title={waiting?.name ?? ''}>
        {waiting && <WaitingForm c={c} status={waiting} onDone={() => setWaiting(null)} />}
      </Modal>
    </>
  );
}

function WaitingForm({ c, status, onDone }: { c: CaseRow; status: CaseStatusRow; onDone: () => void }) {
  const set = useSetCaseStatus();
  const [remindOn, setRemindOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate(
          { id: c.id, statusId: status.id, ...(remindOn ? { remindOn } : {}) },
          { onSuccess: onDone, onError: (err) => setError(reasonText(err)) },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">The response and resolution clocks pause while {c.label} waits.</Text>
        <TextInput type="date" label="Remind me on" description="Optional: a follow-up on this day" value={remindOn} onChange={(e) => setRemindOn(e.currentTarget.value)} error={error} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={set.isPending}>
            Set to {status.name}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
