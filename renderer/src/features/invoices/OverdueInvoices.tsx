// Today's overdue invoices: "2 overdue invoices, £1,250.00", then each (client, number, days overdue, balance) as
// a link to the invoice. Hidden when none is overdue.
import { Anchor, Group, List, Paper, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { useInvoiceList } from '../../api/invoices';
import { plural } from '../../ui/format';
import { daysOverdue, invoiceName, money, perCurrency } from './invoice-text';

const FILTER = { status: 'overdue', limit: 20 } as const;

export function OverdueInvoices() {
  const list = useInvoiceList(FILTER);
  const page = list.data?.pages[0];
  const items = page?.items ?? [];
  if (!page || page.total === 0) return null;
  const owed = page.outstanding.filter((o) => o.overdueCount > 0).map((o) => ({ currency: o.currency, minor: o.overdueMinor }));
  return (
    <Paper component="section" aria-label="Overdue invoices" withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" c="red">
          {plural(page.total, 'overdue invoice')}, {perCurrency(owed)}
        </Title>
        <Anchor component={Link} href="/invoices" size="sm">
          All invoices
        </Anchor>
      </Group>
      <List listStyleType="none" spacing={4}>
        {items.map((i) => {
          const days = daysOverdue(i.dueDate);
          return (
            <List.Item key={i.id}>
              <Anchor component={Link} href={`/invoices/${i.id}`} size="sm">
                {i.contactName ?? i.companyName ?? 'No client'} · {invoiceName(i)}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                · {days === 1 ? '1 day' : `${days} days`} overdue ·{' '}
              </Text>
              <Text span size="sm" fw={600}>
                {money(i, i.balanceMinor)}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
