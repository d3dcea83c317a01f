// Rate (after a call, or by hand: 1–5 and a comment) and Merge (another case of the same person folds into this
// one; the confirmation says what moves and that the other is closed as Duplicate).
import { Button, Group, Modal, Rating, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGitMerge, IconStar } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { type CaseRow, useCaseList, useMergeCases, useRateCase } from '../../api/cases';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

export function RateCaseButton({ c }: { c: CaseRow }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconStar size={16} />} onClick={open}>
        Rate
      </Button>
      <Modal opened={opened} onClose={close} title={`How satisfied is ${c.contactName}?`}>
        {opened && <RateForm c={c} onDone={close} />}
      </Modal>
    </>
  );
}

function RateForm({ c, onDone }: { c: CaseRow; onDone: () => void }) {
  const rate = useRateCase();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [source, setSource] = useState<'call' | 'manual'>('call');
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (score < 1) {
          setErrors({ score: 'Choose a score from 1 to 5' });
          return;
        }
        rate.mutate(
          { id: c.id, score, source, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          {
            onSuccess: () => {
              notifySuccess(`${c.label} rated ${score} of 5`);
              onDone();
            },
            onError: (error) => showFieldIssues(error, ['score', 'comment'], setErrors),
          },
        );
      }}
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id="rate-label">
            Score
          </Text>
          <Rating value={score} onChange={setScore} size="lg" aria-labelledby="rate-label" />
          {errors.score && (
            <Text size="xs" c="red">
              {errors.score}
            </Text>
          )}
        </div>
        <Select
          label="Told"
          data={[
            { value: 'call', label: 'On a call' },
            { value: 'manual', label: 'Some other way' },
          ]}
          value={source}
          allowDeselect={false}
          onChange={(v) => v && setSource(v as 'call' | 'manual')}
        />
        <Textarea label="Comment" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={errors.comment} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={rate.isPending}>
            Save rating
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MergeCaseButton({ c }: { c: CaseRow }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconGitMerge size={16} />} onClick={open}>
        Merge
      </Button>
      <Modal opened={opened} onClose={close} title={`Merge a case into ${c.label}`}>
        {opened && <MergeForm c={c} onDone={close} />}
      </Modal>
    </>
  );
}

function MergeForm({ c, onDone }: { c: CaseRow; onDone: () => void }) {
  const merge = useMergeCases();
  const list = useCaseList({ contactId: c.contactId, category: 'all', sort: 'created', limit: 50 });
  const others = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((x) => x.id !== c.id && x.deletedAt === null);
  const [fromId, setFromId] = useState<string | null>(null);
  const from = others.find((x) => x.id === fromId);
  return (
    <Stack gap="sm">
      {others.length === 0 && !list.isPending ? (
        <Text size="sm">{c.contactName} has no other case to merge.</Text>
      ) : (
        <Select
          label={`Another case of ${c.contactName}`}
          placeholder="Choose a case"
          data={others.map((x) => ({ value: x.id, label: `${x.label} · ${x.subject}` }))}
          value={fromId}
          onChange={setFromId}
          data-autofocus
        />
      )}
      {from && (
        <Text size="sm">
          Every entry of {from.label} (its emails, calls, notes and ratings) moves to {c.label}, and replies to its emails will file here. {from.label} is then
          closed as Duplicate, with a link to {c.label}.
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          disabled={!from}
          loading={merge.isPending}
          onClick={() =>
            from &&
            merge.mutate(
              { intoId: c.id, fromIds: [from.id] },
              {
                onSuccess: () => {
                  notifySuccess(`${from.label} merged into ${c.label}`);
                  onDone();
                },
              },
            )
          }
        >
          Merge {from ? from.label : ''}
        </Button>
      </Group>
    </Stack>
  );
}
