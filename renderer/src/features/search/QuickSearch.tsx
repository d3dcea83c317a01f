// Ctrl/Cmd+K: find anyone or anything (contacts, companies, activities, follow-ups, jobs) from anywhere.
// Results come from search.global as you type;
// Enter opens the highlighted hit, or the first one if none is highlighted yet.
import { Center, Loader, Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { IconBriefcase, IconBuilding, IconCalendar, IconChecklist, IconFile, IconLifebuoy, IconMessages, IconSearch, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type KeyboardEvent, useDeferredValue, useState } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../../../shared/domain/contact';
import { useGlobalSearch } from '../../api/search';
import { quickSearch, quickSearchStore } from './quick-search-store';

/** Where each kind of hit is shown: people and companies on their pages, the rest on their person's page. */
const KINDS: Record<SearchHit['type'], { label: string; icon: ReactNode; href: (hit: SearchHit) => string }> = {
  contact: { label: 'Contact', icon: <IconUser size={18} aria-label="Contact" />, href: (hit) => `/contacts/${hit.id}` },
  company: { label: 'Company', icon: <IconBuilding size={18} aria-label="Company" />, href: (hit) => `/companies/${hit.id}` },
  activity: { label: 'Activity', icon: <IconMessages size={18} aria-label="Activity" />, href: (hit) => (hit.contactId ? `/contacts/${hit.contactId}` : '/activity') },
  task: { label: 'Follow-up', icon: <IconChecklist size={18} aria-label="Follow-up" />, href: (hit) => (hit.contactId ? `/contacts/${hit.contactId}` : '/today') },
  job: { label: 'Job', icon: <IconBriefcase size={18} aria-label="Job" />, href: (hit) => (hit.contactId ? `/contacts/${hit.contactId}` : '/contacts') },
  appointment: { label: 'Appointment', icon: <IconCalendar size={18} aria-label="Appointment" />, href: (hit) => (hit.contactId ? `/contacts/${hit.contactId}` : '/today') },
  document: { label: 'Document', icon: <IconFile size={18} aria-label="Document" />, href: (hit) => `/documents/${hit.id}` },
  case: { label: 'Case', icon: <IconLifebuoy size={18} aria-label="Case" />, href: (hit) => `/cases/${hit.id}` },
};
const hrefFor = (hit: SearchHit) => KINDS[hit.type].href(hit);

export function QuickSearch() {
  const [query, setQuery] = useState('');
  // Deferred, not debounced: search.global answers in a few ms, so a wait would only delay every result (npm run bench:ui).
  const debounced = useDeferredValue(query);
  const search = useGlobalSearch(debounced);
  const [, navigate] = useLocation();
  const hits = debounced.trim() === '' ? [] : (search.data?.items ?? []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = hits[0];
    if (event.key === 'Enter' && quickSearchStore.getState().selected < 0 && first) {
      navigate(hrefFor(first));
      quickSearch.close();
    }
  };

  return (
    <Spotlight.Root store={quickSearchStore} query={query} onQueryChange={setQuery} shortcut={null} scrollable maxHeight={420}>
      <Spotlight.Search placeholder="Search people, companies, notes, follow-ups…" aria-label="Quick search" leftSection={<IconSearch size={18} />} onKeyDown={onKeyDown} />
      <Spotlight.ActionsList aria-label="Search results">
        {hits.map((hit) => (
          <Spotlight.Action
            key={`${hit.type}-${hit.id}`}
            label={hit.title}
            description={hit.subtitle ?? KINDS[hit.type].label}
            leftSection={KINDS[hit.type].icon}
            onClick={() => navigate(hrefFor(hit))}
          />
        ))}
        {hits.length === 0 && (
          <Spotlight.Empty>
            {query.trim() === '' ? (
              <Text size="sm" c="dimmed">
                Type part of a name, email, phone number or company.
              </Text>
            ) : search.isFetching || debounced !== query ? (
              <Center>
                <Loader size="sm" aria-label="Searching" />
              </Center>
            ) : (
              <Text size="sm">Nothing found for “{query.trim()}”.</Text>
            )}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
