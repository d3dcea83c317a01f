// A list's conditions on the user's own fields (issue #19) as pills under its toolbar, each removable on its own,
// so what narrows the list is always in view. Nothing shows when there is no such condition.
import { Pill } from '@mantine/core';
import type { CustomFilter, FieldDefinition } from '../../../shared/domain/custom-fields';
import { describeFilter } from './custom-filter-draft';
import classes from './CustomColumns.module.css';

interface Props {
  definitions: readonly FieldDefinition[];
  filters: readonly CustomFilter[] | undefined;
  onChange: (filters: CustomFilter[]) => void;
}

export function CustomFilterPills({ definitions, filters = [], onChange }: Props) {
  if (filters.length === 0) return null;
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return (
    <Pill.Group className={classes.pills} role="group" aria-label="Filters on your fields">
      {filters.map((filter, i) => {
        const words = describeFilter(byKey.get(filter.key), filter);
        return (
          <Pill
            key={`${filter.key}-${i}`}
            size="md"
            withRemoveButton
            // Mantine hides a pill's remove button from the keyboard (made for inputs, where Backspace removes): here it is the only way.
            removeButtonProps={{ 'aria-label': `Remove filter: ${words}`, 'aria-hidden': false, tabIndex: 0 }}
            onRemove={() => onChange(filters.filter((_, j) => j !== i))}
          >
            {words}
          </Pill>
        );
      })}
    </Pill.Group>
  );
}
