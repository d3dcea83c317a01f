// One row of the companies list: the name, how to reach them, and how many of your contacts work there.
import { Avatar, Badge, Group, Text } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import type { Company } from '../../../../shared/domain/contact';
import rows from '../../ui/ListRow.module.css';
import classes from './CompanyRow.module.css';
import { plural } from '../../ui/format';

export const COMPANY_ROW_HEIGHT = 56;
export const companyRowClass = `${rows.grid} ${classes.columns}`;

export function CompanyRow({ company }: { company: Company }) {
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
    </>
  );
}

export function CompanyHeaderRow() {
  return (
    <div className={`${companyRowClass} ${rows.header}`} aria-hidden>
      <span>Name</span>
      <span className={classes.website}>Website</span>
      <span className={classes.phone}>Phone</span>
      <span>People</span>
      <span className={rows.tags}>Tags</span>
    </div>
  );
}
