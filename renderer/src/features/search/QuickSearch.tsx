// Ctrl/Cmd+K: find anyone, contact or company, from anywhere. Results come from search.global as you type;
// Enter opens the highlighted hit, or the first one if none is highlighted yet.
import { Center, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../../../shared/domain/contact';
import { useGlobalSearch } from '../../api/search';
import { quickSearch, quickSearchStore } from './quick-search-store';

const hrefFor = (hit: SearchHit) => (hit.type === 'contact' ? `/contacts/${hit.id}` : `/companies/${hit.id}`);

export function QuickSearch() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 100);
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
      <Spotlight.Search placeholder="Search contacts and companies…" aria-label="Quick search" leftSection={<IconSearch size={18} />} onKeyDown={onKeyDown} />
      <Spotlight.ActionsList aria-label="Search results">
        {hits.map((hit) => (
          <Spotlight.Action
            key={`${hit.type}-${hit.id}`}
            label={hit.title}
            description={hit.subtitle ?? (hit.type === 'contact' ? 'Contact' : 'Company')}
            leftSection={hit.type === 'contact' ? <IconUser size={18} aria-label="Contact" /> : <IconBuilding size={18} aria-label="Company" />}
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
