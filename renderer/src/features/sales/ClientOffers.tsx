// "Offer next" on a contact's page: what this client is likely to want (items other clients who bought what they
// bought usually also bought) and recurring items due again, each with a one-click follow-up. Nothing when none.
import { Anchor, Group, List, Paper, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { type SuggestionPair, useSuggestions } from '../../api/sales';
import { FollowUpButton } from './FollowUpButton';
import { dayWords, localToday, offerTitle, repeatFollowUpDay, repeatTitle } from './suggestion-text';

export function ClientOffers({ contactId }: { contactId: string }) {
  const suggestions = useSuggestions({ contactId, limit: 50 });
  const data = suggestions.data;
  if (!data || (data.pairs.length === 0 && data.repeats.length === 0)) return null;
  // Several things they bought may point at the same item: offer it once, for its best reason (pairs come best first).
  const offers = new Map<string, SuggestionPair>();
  for (const p of data.pairs) if (!offers.has(p.alsoProductId)) offers.set(p.alsoProductId, p);
  const name = data.pairs[0]?.offerTo.find((c) => c.contactId === contactId)?.name ?? data.repeats[0]?.name ?? 'this client';
  return (
    <Paper component="section" aria-label="Offer next" withBorder p="md" mt="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Offer next
        </Title>
        <Anchor component={Link} href="/sales/suggestions" size="sm">
          What to offer whom
        </Anchor>
      </Group>
      <List listStyleType="none" spacing={6}>
        {[...offers.values()].map((p) => (
          <List.Item key={p.alsoProductId}>
            <Group gap="sm" justify="space-between" wrap="nowrap">
              <Text size="sm">
                <b>{p.alsoProductName}</b>: clients who bought {p.productName} usually also bought it ({p.bothClients} of {p.boughtClients})
              </Text>
              <FollowUpButton contactId={contactId} clientName={name} title={offerTitle(p.alsoProductName)} dueOn={localToday()} />
            </Group>
          </List.Item>
        ))}
        {data.repeats.map((r) => (
          <List.Item key={r.productId}>
            <Group gap="sm" justify="space-between" wrap="nowrap">
              <Text size="sm" c={r.overdue ? 'red' : undefined}>
                <b>{r.productName}</b> due again {r.overdue ? 'since' : 'on'} {dayWords(r.dueOn)} (last bought {dayWords(r.lastBoughtOn)})
              </Text>
              <FollowUpButton contactId={contactId} clientName={name} title={repeatTitle(r.productName)} dueOn={repeatFollowUpDay(r)} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
