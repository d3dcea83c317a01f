// Campaigns: one template to everyone in a saved segment, with a tag or of a kind, as individual emails. Before anything
// is queued a confirmation says who gets it and who is skipped and why (CampaignConfirm); the page shows queued,
// sent and failed counts live.
import { Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { ContactKind } from '../../../../shared/domain/contact';
import type { Campaign } from '../../../../shared/domain/email';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useCampaigns, useCancelCampaign, useCreateCampaign, useSmtpSettings, useTemplates } from '../../api/email';
import { useSegments } from '../../api/reports';
import { useTags } from '../../api/search';
import { formatCount, plural } from '../../ui/format';
import { PurposePicker } from '../consent/panels';
import { notifySuccess } from '../../ui/notify';
import { Empty } from '../../ui/Empty';
import { CampaignConfirm } from './CampaignConfirm';

export function CampaignsPanel() {
  const campaigns = useCampaigns();
  const templates = useTemplates();
  const settings = useSmtpSettings();
  const tags = useTags();
  const segments = useSegments();
  const create = useCreateCampaign();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  // The consent purpose it goes out on (issue #21): the newsletter unless another email purpose is chosen.
  const [purposeId, setPurposeId] = useState<string | null>(null);

  // Nothing is queued before the confirmation has said who gets it and who is skipped, and why.
  const [confirming, setConfirming] = useState<ChannelInput<'campaigns.preview'> | null>(null);
  const ask = () => {
    if (!templateId) return;
    setConfirming({
      templateId,
      segment: { ...(segmentId ? { segmentId } : {}), ...(tag ? { tag } : {}), ...(kind ? { kind: kind as ContactKind } : {}) },
      ...(purposeId ? { purposeId } : {}),
    });
  };
  const start = (name: string | undefined) => {
    if (!confirming) return;
    create.mutate(
      { ...confirming, ...(name ? { name } : {}) },
      {
        onSuccess: (c) => {
          setConfirming(null);
          notifySuccess(`${plural(c.counts.queued, 'email')} queued${c.skipped.length ? `, ${plural(c.skipped.length, 'contact')} skipped` : ''}`);
        },
      },
    );
  };

  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          New campaign
        </Title>
        {templates.data && templates.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Write a template first (Templates tab); a campaign sends it to each person in a group, one email each.
          </Text>
        ) : (
          <Group align="flex-end">
            <Select label="Template" required data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))} value={templateId} onChange={setTemplateId} w={220} />
            <Select
              label="Saved segment"
              clearable
              placeholder="Everyone"
              data={(segments.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.name} (${formatCount(g.count)})` }))}
              value={segmentId}
              onChange={setSegmentId}
              w={220}
            />
            <Select label="Contacts tagged" clearable data={(tags.data?.items ?? []).map((t) => t.tag)} value={tag} onChange={setTag} w={200} />
            <Select label="Kind" clearable data={ContactKind.options} value={kind} onChange={setKind} w={160} />
            <PurposePicker value={purposeId} onChange={setPurposeId} w={200} />
            <Button leftSection={<IconSpeakerphone size={16} />} disabled={!templateId} onClick={ask}>
              Queue emails
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Only contacts who consented to its purpose get it. Sent at most {settings.data?.perMinute ?? 30} a minute (change it in Settings).
        </Text>
      </Card>
      <CampaignConfirm input={confirming} busy={create.isPending} onConfirm={start} onClose={() => setConfirming(null)} />
      {campaigns.data && campaigns.data.items.length === 0 && <Empty title="No campaigns yet" description="Send a newsletter or an offer to a tagged group of contacts." />}
      {(campaigns.data?.items ?? []).map((c) => (
        <CampaignCard key={c.id} campaign={c} />
      ))}
    </Stack>
  );
}

function CampaignCard({ campaign: c }: { campaign: Campaign }) {
  const cancel = useCancelCampaign();
  return (
    <Card withBorder aria-label={`Campaign ${c.name}`}>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{c.name}</Text>
          <Text size="xs" c="dimmed">
            {new Date(c.createdAt).toLocaleString()}
          </Text>
        </div>
        <Group>
          <Badge variant="light" color={c.status === 'active' ? 'blue' : c.status === 'done' ? 'teal' : 'gray'}>
            {c.status}
          </Badge>
          {c.status === 'active' && (
            <Button size="xs" variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(c.id)}>
              Stop sending
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={4} mt="sm">
        {(
          [
            ['Queued', c.counts.queued],
            ['Sent', c.counts.sent],
            ['Failed', c.counts.failed],
            ['Skipped', c.skipped.length],
          ] as const
        ).map(([label, n]) => (
          <div key={label}>
            <Text size="xl" fw={700}>
              {formatCount(n)}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {c.skipped.length > 0 && (
        <List size="sm" mt="sm">
          {c.skipped.slice(0, 20).map((s) => (
            <List.Item key={s.contactId}>
              {s.name}: {s.reason}
            </List.Item>
          ))}
          {c.skipped.length > 20 && <List.Item>…and {c.skipped.length - 20} more</List.Item>}
        </List>
      )}
    </Card>
  );
}
