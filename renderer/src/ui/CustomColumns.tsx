// The pieces a record list adds for the user's own fields (issue #19): the "Columns" popover that picks which fields
// show, and a column's header, a button that sorts by the field (again: the other way). Lists with no fields yet
// get a popover that says where fields are made.
import { Button, Checkbox, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconColumns } from '@tabler/icons-react';
import type { CustomSort } from '../../../shared/domain/custom-record';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import type { CustomColumns } from './custom-columns';
import classes from './CustomColumns.module.css';

/** A popover of tick boxes, one per field: ticking shows the column at once (no Apply), so the effect is seen. */
export function ColumnsMenu({ columns, listName }: { columns: CustomColumns; listName: string }) {
  const shown = new Set(columns.shown.map((d) => d.key));
  return (
    <Popover position="bottom-end" width={240} trapFocus withArrow>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} aria-label={`Columns of the ${listName} list`}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={`Fields shown as columns of the ${listName} list`}>
          <Text size="xs" c="dimmed" fw={600}>
            Show your fields as columns
          </Text>
          {columns.fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              No fields yet: add them in Settings, under Custom fields.
            </Text>
          ) : (
            columns.fields.map((d) => <Checkbox key={d.id} label={d.label} checked={shown.has(d.key)} onChange={(e) => columns.toggle(d.key, e.currentTarget.checked)} />)
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

const WORDS = { asc: 'ascending', desc: 'descending' } as const;

/** A custom column's header: sorts ascending, then toggles; records without a value stay last either way (main). */
export function CustomSortHeader({ field, sort, onSort }: { field: FieldDefinition; sort: CustomSort | undefined; onSort: (sort: CustomSort) => void }) {
  const active = sort?.key === field.key ? sort.direction : null;
  const next = active === 'asc' ? 'desc' : 'asc';
  const Icon = active === 'asc' ? IconArrowUp : active === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton
      className={classes.sortHeader}
      data-active={active ? true : undefined}
      aria-label={`Sort by ${field.label}${active ? `, now ${WORDS[active]}` : ''}`}
      title={`Sort by ${field.label}, ${WORDS[next]}`}
      onClick={() => onSort({ key: field.key, direction: next })}
    >
      <span className={classes.label}>{field.label}</span>
      <Icon size={12} aria-hidden className={classes.icon} />
    </UnstyledButton>
  );
}
