// A record's custom values for its page (issue #19): label and value, in form order, empty ones left out.
// Choices show their labels (values hold option ids), money its currency, dates in the user's own format;
// web addresses, emails and phones are links, and a linked contact or company opens its page.
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { CustomValue, CustomValues, FieldDefinition, FieldRecordType } from '../../../../shared/domain/custom-fields';
import { formatMoney } from '../../../../shared/domain/money';
import { useFieldDefinitions, useLinkedName } from '../../api/fields';
import { KeyFacts } from '../../ui/KeyFacts';
import { WebsiteLink } from '../../ui/ReachLinks';
import { telHref } from '../../ui/reach-hrefs';
import { liveFields } from './custom-form';

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

/** A linked contact or company by name, opening its page; its name is looked up unless the page already knows it. */
function LinkedRecord({ type, id, name }: { type: 'contactLink' | 'companyLink'; id: string; name: string | undefined }) {
  const looked = useLinkedName(type, name === undefined ? id : null);
  const shown = name ?? looked.data;
  if (shown === null) return <Text size="sm" c="dimmed">{type === 'contactLink' ? 'A deleted contact' : 'A deleted company'}</Text>;
  return (
    <Anchor component={Link} href={`/${type === 'contactLink' ? 'contacts' : 'companies'}/${id}`} size="sm">
      {shown ?? 'Open'}
    </Anchor>
  );
}

/** One value as the page shows it: a link where it leads somewhere, else its words. */
export function CustomValueView({ definition: d, value, linkName }: { definition: FieldDefinition; value: CustomValue | undefined; linkName?: string | undefined }) {
  const text = customValueText(d, value);
  if (typeof value === 'string') {
    if (d.type === 'url') return <WebsiteLink site={value} />;
    if (d.type === 'email') return <Anchor href={`mailto:${value}`} size="sm" title={`Write to ${value}`}>{text}</Anchor>;
    const tel = d.type === 'phone' ? telHref(value) : null;
    if (tel) return <Anchor href={tel} size="sm">{text}</Anchor>;
    if (d.type === 'contactLink' || d.type === 'companyLink') return <LinkedRecord type={d.type} id={value} name={linkName} />;
  }
  return (
    <Text span size="sm" style={{ whiteSpace: d.type === 'longText' ? 'pre-wrap' : undefined }}>
      {text}
    </Text>
  );
}

interface Props {
  definitions: readonly FieldDefinition[];
  values: CustomValues;
  /** Names of linked contacts and companies by id, when the page has them (else each is looked up). */
  linkNames?: Record<string, string>;
}

/** The values as a plain labelled grid (for places other than a record's page, which uses CustomFieldFacts). */
export function CustomFieldValues({ definitions, values, linkNames = {} }: Props) {
  const shown = liveFields(definitions).filter((d) => customValueText(d, values[d.key]) !== '');
  if (shown.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" aria-label="Custom fields">
      {shown.map((d) => {
        const value = values[d.key];
        return (
          <div key={d.id}>
            <Text size="xs" c="dimmed">{d.label}</Text>
            <CustomValueView definition={d} value={value} linkName={typeof value === 'string' ? linkNames[value] : undefined} />
          </div>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * A record page's "Details": its custom values in the key facts' own grid, just below them, empty ones left out
 * (and nothing at all when none has a value). Archived fields are hidden here as on the form.
 */
export function CustomFieldFacts({ recordType, values }: { recordType: FieldRecordType; values: CustomValues | undefined }) {
  const fields = useFieldDefinitions(recordType);
  const shown = liveFields(fields.data ?? []).filter((d) => customValueText(d, values?.[d.key]) !== '');
  if (!values || shown.length === 0) return null;
  return (
    <KeyFacts
      label="Details"
      facts={shown.map((d) => ({ id: d.id, label: d.label, value: <CustomValueView definition={d} value={values[d.key]} />, wide: d.type === 'longText' }))}
    />
  );
}
