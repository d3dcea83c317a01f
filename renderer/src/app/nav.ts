// The sections in the sidebar. Adding a section is one line here plus its routes in Routes.tsx.
import { IconBriefcase, IconFileDollar, IconFileInvoice, IconPackage, IconLifebuoy, IconRefresh, IconBuilding, IconChartBar, IconCalendar, IconDatabase, IconFileImport, IconFileZip, IconFiles, IconMail, IconSettings, IconShieldLock, IconSparkles, IconSun, IconTimeline, IconTrash, IconUsers, type Icon } from '@tabler/icons-react';

export interface NavItem {
  label: string;
  path: string;
  icon: Icon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Today', path: '/today', icon: IconSun },
  { label: 'Schedule', path: '/schedule', icon: IconCalendar },
  { label: 'Contacts', path: '/contacts', icon: IconUsers },
  { label: 'Companies', path: '/companies', icon: IconBuilding },
  { label: 'Activity', path: '/activity', icon: IconTimeline },
  { label: 'Jobs', path: '/jobs', icon: IconBriefcase },
  { label: 'Quotes', path: '/quotes', icon: IconFileDollar },
  { label: 'Invoices', path: '/invoices', icon: IconFileInvoice },
  { label: 'Catalogue', path: '/catalogue', icon: IconPackage },
  { label: 'Cases', path: '/cases', icon: IconLifebuoy },
  { label: 'Email', path: '/email', icon: IconMail },
  { label: 'Documents', path: '/documents', icon: IconFiles },
  { label: 'Reports', path: '/reports', icon: IconChartBar },
  { label: 'Import', path: '/import', icon: IconFileImport },
  { label: 'Data quality', path: '/quality', icon: IconSparkles },
  { label: 'Privacy', path: '/privacy', icon: IconShieldLock },
  { label: 'Trash', path: '/trash', icon: IconTrash },
  { label: 'Sync', path: '/sync', icon: IconRefresh },
  { label: 'Backups', path: '/backups', icon: IconDatabase },
  { label: 'Your data', path: '/data', icon: IconFileZip },
  { label: 'Settings', path: '/settings', icon: IconSettings },
];
