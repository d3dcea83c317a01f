// The contacts list's further filters (the ones a saved segment can hold): place, lead source, when last
// contacted, open jobs, paid revenue, email consent and conditions on the user's own fields (issue #19).
// Applied together when the user presses Apply.
import { Button, Divider, Indicator, Popover, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { usePipeline } from '../../api/jobs';
import { minorToDecimal, parseMoney } from '../../../../shared/domain/money';
import { CustomFilterEditor } from '../../ui/CustomFilterEditor';
import { type CustomDraft, draftsOf, filtersOf } from '../../ui/custom-filter-draft';
import type { MoreFilter } from './use-contact-filter';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const toYesNo = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no');
const fromYesNo = (v: string | null) => (v === null ? undefined : v === 'yes');

interface Draft {
  city: string;
  region: string;
  leadSource: string;
  lastContactedAfter: string;
  lastContactedBefore: string;
  hasOpenJobs: string | null;
  revenueAbove: string;
  revenueBelow: string;
  emailOptIn: string | null;
  custom: CustomDraft[];
}

function toDraft(m: MoreFilter, currency: string, definitions: readonly FieldDefinition[]): Draft {
  return {
    city: m.city ?? '',
    region: m.region ?? '',
    leadSource: m.leadSource ?? '',
    lastContactedAfter: m.lastContactedAfter ?? '',
    lastContactedBefore: m.lastContactedBefore ?? '',
    hasOpenJobs: toYesNo(m.hasOpenJobs),
    revenueAbove: m.revenueAboveMinor === undefined ? '' : minorToDecimal(m.revenueAboveMinor, currency),
    revenueBelow: m.revenueBelowMinor === undefined ? '' : minorToDecimal(m.revenueBelowMinor, currency),
    emailOptIn: toYesNo(m.emailOptIn),
    custom: draftsOf(definitions, m.custom),
  };
}

interface Props {
  value: MoreFilter;
  onChange: (more: MoreFilter) => void;
  /** The contact fields conditions can be set on (live ones, form order). */
  definitions: readonly FieldDefinition[];
}

/** How many filters are set: each condition on a custom field counts as one. */
export const moreFilterCount = (m: MoreFilter) => Object.keys(m).filter((k) => k !== 'custom').length + (m.custom?.length ?? 0);

export function MoreFilters({ value, onChange, definitions }: Props) {
  const [opened, setOpened] = useState(false);
  const [tried, setTried] = useState(false);
  const pipeline = usePipeline();
  const currency = value.revenueCurrency ?? pipeline.data?.defaultCurrency ?? 'GBP';
  const [draft, setDraft] = useState<Draft>(() => toDraft(value, currency, definitions));
  const minorOf = (text: string) => {
    const parsed = parseMoney(text, currency);
    return parsed.ok ? parsed.minor : undefined;
  };
  const above = minorOf(draft.revenueAbove);
  const below = minorOf(draft.revenueBelow);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const active = moreFilterCount(value);
  const custom = filtersOf(definitions, draft.custom);

  const apply = () => {
    if (above === undefined || below === undefined) return;
    if (!custom) return setTried(true);
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    const next: MoreFilter = {
      city: text(draft.city),
      region: text(draft.region),
      leadSource: text(draft.leadSource),
      lastContactedAfter: text(draft.lastContactedAfter),
      lastContactedBefore: text(draft.lastContactedBefore),
      hasOpenJobs: fromYesNo(draft.hasOpenJobs),
      revenueAboveMinor: above ?? undefined,
      revenueBelowMinor: below ?? undefined,
      revenueCurrency: above !== null || below !== null ? currency : undefined,
      emailOptIn: fromYesNo(draft.emailOptIn),
      custom: custom.length > 0 ? custom : undefined,
    };
    onChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as MoreFilter);
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={520} position="bottom-end" trapFocus withArrow>
      <Popover.Target>
        <Indicator label={active} size={16} disabled={active === 0}>
          <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={() => (setDraft(toDraft(value, currency, definitions)), setTried(false), setOpened((o) => !o))}>
            More filters
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label="More filters"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs">
            <SimpleGrid cols={2} spacing="xs">
              <TextInput label="City" value={draft.city} onChange={(e) => set({ city: e.currentTarget.value })} maxLength={100} />
              <TextInput label="Region" value={draft.region} onChange={(e) => set({ region: e.currentTarget.value })} maxLength={100} />
              <TextInput label="Lead source" value={draft.leadSource} onChange={(e) => set({ leadSource: e.currentTarget.value })} maxLength={100} />
              <Select label="Email opt-in" placeholder="Any" data={YES_NO} value={draft.emailOptIn} onChange={(v) => set({ emailOptIn: v })} clearable />
              <TextInput type="date" label="Last contacted on or after" value={draft.lastContactedAfter} onChange={(e) => set({ lastContactedAfter: e.currentTarget.value })} />
              <TextInput type="date" label="Last contacted before" description="Includes never contacted" value={draft.lastContactedBefore} onChange={(e) => set({ lastContactedBefore: e.currentTarget.value })} />
              <Select label="Has open jobs" placeholder="Any" data={YES_NO} value={draft.hasOpenJobs} onChange={(v) => set({ hasOpenJobs: v })} clearable />
              <div />
              <TextInput label={`Paid revenue above (${currency})`} value={draft.revenueAbove} onChange={(e) => set({ revenueAbove: e.currentTarget.value })} error={above === undefined ? 'Not an amount' : undefined} />
              <TextInput label={`Paid revenue below (${currency})`} value={draft.revenueBelow} onChange={(e) => set({ revenueBelow: e.currentTarget.value })} error={below === undefined ? 'Not an amount' : undefined} />
            </SimpleGrid>
            {definitions.length + draft.custom.length > 0 && <Divider label="Your fields" labelPosition="left" />}
            <CustomFilterEditor definitions={definitions} drafts={draft.custom} onChange={(drafts) => set({ custom: drafts })} showErrors={tried} />
            <Button type="submit" disabled={above === undefined || below === undefined}>
              Apply
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
