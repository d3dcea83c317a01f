// "Filter by field" for lists whose toolbar has no further filters form (companies, jobs): conditions on the
// user's own fields (issue #19), edited together and applied with Apply, like the contacts list's More filters.
import { Button, Indicator, Popover, Stack } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomFilter, FieldDefinition } from '../../../shared/domain/custom-fields';
import { CustomFilterEditor } from './CustomFilterEditor';
import { type CustomDraft, draftsOf, filtersOf } from './custom-filter-draft';

interface Props {
  definitions: readonly FieldDefinition[];
  value: readonly CustomFilter[] | undefined;
  onChange: (filters: CustomFilter[]) => void;
}

export function CustomFilterButton({ definitions, value, onChange }: Props) {
  const [opened, setOpened] = useState(false);
  const [drafts, setDrafts] = useState<CustomDraft[]>([]);
  const [tried, setTried] = useState(false);
  const count = value?.length ?? 0;
  if (definitions.length === 0 && count === 0) return null;
  const open = () => {
    setDrafts(draftsOf(definitions, value));
    setTried(false);
    setOpened((o) => !o);
  };
  const apply = () => {
    const filters = filtersOf(definitions, drafts);
    if (!filters) return setTried(true);
    onChange(filters);
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={520} position="bottom-end" trapFocus withArrow>
      <Popover.Target>
        <Indicator label={count} size={16} disabled={count === 0}>
          <Button variant="default" leftSection={<IconFilter size={16} />} onClick={open}>
            Filter by field
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label="Filter by your fields"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs">
            <CustomFilterEditor definitions={definitions} drafts={drafts} onChange={setDrafts} showErrors={tried} />
            <Button type="submit">Apply</Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
