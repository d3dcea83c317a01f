// A record's custom values for its page (issue #19): label and value, in form order, empty ones left out.
// Choices show their labels (values hold option ids), money its currency, dates in the user's own format.
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { CustomValue, CustomValues, FieldDefinition } from '../../../../shared/domain/custom-fields';
import { formatMoney } from '../../../../shared/domain/money';

/** A value as words for the page ("£1,250.50", "Kitchen, Bath", "Yes"). */
export function customValueText(d: FieldDefinition, value: CustomValue | undefined): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '';
  const label = (id: string) => d.options.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return d.type === 'money' ? formatMoney(value, d.currency ?? 'GBP') : value.toLocaleString();
  if (d.type === 'choice') return label(value);
  if (d.type === 'date') return new Date(`${value}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
  if (d.type === 'dateTime') return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return value;
}

interface Props {
  definitions: readonly FieldDefinition[];
  values: CustomValues;
  /** Names of linked contacts and companies by id, when the page has them. */
  linkNames?: Record<string, string>;
}

export function CustomFieldValues({ definitions, values, linkNames = {} }: Props) {
  const shown = definitions.filter((d) => !d.archived && !d.deletedAt && customValueText(d, values[d.key]) !== '');
  if (shown.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" aria-label="Custom fields">
      {shown.map((d) => {
        const value = values[d.key];
        const text = customValueText(d, value);
        const body =
          d.type === 'url' && typeof value === 'string' ? (
            <Anchor href={value} target="_blank" rel="noreferrer">{text}</Anchor>
          ) : d.type === 'email' && typeof value === 'string' ? (
            <Anchor href={`mailto:${value}`}>{text}</Anchor>
          ) : d.type === 'phone' && typeof value === 'string' ? (
            <Anchor href={`tel:${value}`}>{text}</Anchor>
          ) : (d.type === 'contactLink' || d.type === 'companyLink') && typeof value === 'string' ? (
            <Anchor component={Link} href={`/${d.type === 'contactLink' ? 'contacts' : 'companies'}/${value}`}>{linkNames[value] ?? 'Open'}</Anchor>
          ) : (
            <Text size="sm" style={{ whiteSpace: d.type === 'longText' ? 'pre-wrap' : undefined }}>{text}</Text>
          );
        return (
          <div key={d.id}>
            <Text size="xs" c="dimmed">{d.label}</Text>
            {body}
          </div>
        );
      })}
    </SimpleGrid>
  );
}
