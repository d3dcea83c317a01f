// One row of the companies list: the name, how to reach them, how many of your contacts work there, and the
// custom fields the user chose to show as columns (issue #19).
import { Avatar, Badge, Group, Text } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Company } from '../../../../shared/domain/contact';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import rows from '../../ui/ListRow.module.css';
import { customValueText } from '../fields/panels';
import classes from './CompanyRow.module.css';
import { plural } from '../../ui/format';

export const COMPANY_ROW_HEIGHT = 56;
export const companyRowClass = `${rows.grid} ${classes.columns}`;

const NO_COLUMNS: readonly FieldDefinition[] = [];

export function CompanyRow({ company, columns = NO_COLUMNS }: { company: Company; columns?: readonly FieldDefinition[] }) {
  return (
    <>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Avatar size={34} color="indigo" variant="light" aria-hidden>
          <IconBuilding size={18} />
        </Avatar>
        <Text size="sm" fw={600} truncate>
          {company.name}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" truncate className={classes.website}>
        {company.website ?? ''}
      </Text>
      <Text size="sm" c="dimmed" truncate className={classes.phone}>
        {company.phone ?? ''}
      </Text>
      <Text size="sm" c="dimmed">
        {plural(company.contactCount, 'person', 'people')}
      </Text>
      <Group gap={4} wrap="nowrap" className={rows.tags}>
        {company.tags.slice(0, 2).map((tag) => (
          <Badge key={tag} size="sm" variant="light" radius="sm" tt="none" maw={110}>
            {tag}
          </Badge>
        ))}
      </Group>
      {columns.map((d) => (
        <Text key={d.id} size="sm" c="dimmed" truncate>
          {customValueText(d, company.custom[d.key])}
        </Text>
      ))}
    </>
  );
}

/** The column names over the rows (each row's link names it, so they are hidden from screen readers); `custom`, the custom columns' sort buttons. */
export function CompanyHeaderRow({ custom }: { custom?: ReactNode }) {
  return (
    <div className={`${companyRowClass} ${rows.header}`}>
      <span aria-hidden>Name</span>
      <span aria-hidden className={classes.website}>Website</span>
      <span aria-hidden className={classes.phone}>Phone</span>
      <span aria-hidden>People</span>
      <span aria-hidden className={rows.tags}>Tags</span>
      {custom}
    </div>
  );
}
