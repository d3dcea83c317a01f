// What to offer whom (/sales/suggestions), from accepted quotes: products bought together ("Clients who bought
// Boiler service usually also bought Magnetic filter (8 of 10)") with the clients who have the first but not the
// second, and clients due for a repeat of a recurring item. Each client links to their page and gets a one-click
// follow-up.
import { Anchor, Badge, Center, Group, List, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { type SuggestionPair, type SuggestionRepeat, useSuggestions } from '../../api/sales';
import { Empty } from '../../ui/Empty';
import { plural } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { errorText } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { FollowUpButton } from './FollowUpButton';
import { dayWords, localToday, offerTitle, pairSentence, repeatFollowUpDay, repeatTitle } from './suggestion-text';

/** A number box that keeps its last whole value while the user is mid-edit (an empty box is not 0). */
const whole = (v: string | number, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);

export function SuggestionsPage() {
  const [minClients, setMinClients] = useState(2);
  const [dueWithinDays, setDueWithinDays] = useState(30);
  const suggestions = useSuggestions({ minClients, dueWithinDays, limit: 50 });
  const data = suggestions.data;
  const none = data && data.pairs.length === 0 && data.repeats.length === 0;
  return (
    <div className={pageClasses.scrollPage}>
      <Stack className={pageClasses.content} gap="lg">
        <PageHeader title="What to offer whom" subtitle="From accepted quotes: what clients buy together, and who is due again" />
        <Group align="flex-end">
          <NumberInput label="Clients who bought both, at least" min={1} max={1000} allowDecimal={false} w={300} value={minClients} onChange={(v) => setMinClients(Math.max(1, whole(v, minClients)))} />
          <NumberInput label="Due again within (days)" min={0} max={366} allowDecimal={false} w={200} value={dueWithinDays} onChange={(v) => setDueWithinDays(Math.max(0, whole(v, dueWithinDays)))} />
        </Group>
        {suggestions.isError && !data ? (
          <Text c="red" size="sm">
            The suggestions could not be worked out: {errorText(suggestions.error)}
          </Text>
        ) : !data ? (
          <Center p="xl">
            <Loader aria-label="Loading suggestions" />
          </Center>
        ) : none ? (
          <Empty
            title="Nothing to suggest yet"
            description="Suggestions appear once clients have accepted quotes with catalogue items. Build quotes from the catalogue; when clients accept them, what they buy together and what falls due again shows here."
          />
        ) : (
          <>
            <Pairs pairs={data.pairs} minClients={minClients} />
            <Repeats repeats={data.repeats} dueWithinDays={dueWithinDays} />
          </>
        )}
      </Stack>
    </div>
  );
}

/** A titled part of the page, or the words saying why it is empty. */
function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {empty === null ? (
        children
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </section>
  );
}

function Pairs({ pairs, minClients }: { pairs: SuggestionPair[]; minClients: number }) {
  return (
    <Section title="Bought together" empty={pairs.length === 0 ? `No two items have been bought together by ${plural(minClients, 'client')} yet.` : null}>
      <Stack gap="sm">
        {pairs.map((p) => (
          <Paper key={`${p.productId} ${p.alsoProductId}`} withBorder p="md" component="article" aria-label={pairSentence(p)}>
            <Text fw={600}>{pairSentence(p)}</Text>
            {p.offerToTotal === 0 ? (
              <Text size="sm" c="dimmed">
                Every client who bought {p.productName} has {p.alsoProductName} too.
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed" mt={4}>
                  Offer {p.alsoProductName} to {plural(p.offerToTotal, 'client')} who bought {p.productName} but not it:
                </Text>
                <List listStyleType="none" spacing={4} mt={4} aria-label={`Offer ${p.alsoProductName} to`}>
                  {p.offerTo.map((c) => (
                    <List.Item key={c.contactId}>
                      <Group gap="sm" wrap="nowrap">
                        <Anchor component={Link} href={`/contacts/${c.contactId}`} size="sm">
                          {c.name}
                        </Anchor>
                        <FollowUpButton contactId={c.contactId} clientName={c.name} title={offerTitle(p.alsoProductName)} dueOn={localToday()} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
                {p.offerToTotal > p.offerTo.length && (
                  <Text size="sm" c="dimmed" mt={4}>
                    and {plural(p.offerToTotal - p.offerTo.length, 'more client')}
                  </Text>
                )}
              </>
            )}
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}

function Repeats({ repeats, dueWithinDays }: { repeats: SuggestionRepeat[]; dueWithinDays: number }) {
  const empty = `No recurring item falls due in the next ${plural(dueWithinDays, 'day')}. Items repeat when their catalogue entry says weekly, monthly, quarterly or yearly.`;
  return (
    <Section title="Due again" empty={repeats.length === 0 ? empty : null}>
      <Table aria-label="Due again" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Client</Table.Th>
              <Table.Th>Item</Table.Th>
              <Table.Th>Last bought</Table.Th>
              <Table.Th>Due on</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {repeats.map((r) => (
              <Table.Tr key={`${r.contactId} ${r.productId}`}>
                <Table.Td>
                  <Anchor component={Link} href={`/contacts/${r.contactId}`} size="sm">
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.productName}</Table.Td>
                <Table.Td>{dayWords(r.lastBoughtOn)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {dayWords(r.dueOn)}
                    {r.overdue && (
                      <Badge color="red" variant="light">
                        Overdue
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <FollowUpButton contactId={r.contactId} clientName={r.name} title={repeatTitle(r.productName)} dueOn={repeatFollowUpDay(r)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
      </Table>
    </Section>
  );
}
