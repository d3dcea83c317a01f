// Every document in one place, searchable by name, note and text contents; a search hit opens here with
// the document shown. Attaching here files a document under no record (link it from a record's page later).
import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFiles, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useDocument } from '../../api/documents';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { useSearchIntoList } from '../../ui/search-into-list';
import { AttachButtons } from './AttachButtons';
import { DocumentList } from './DocumentList';
import { StorageMenu } from './StorageMenu';
import { useAttachFiles } from './use-documents';

export function DocumentsPage({ focusId }: { focusId?: string }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const attach = useAttachFiles(null);
  const focused = useFocused(focusId);
  const [, navigate] = useLocation();
  const searchBox = useRef<HTMLInputElement>(null);
  const listArea = useRef<HTMLDivElement>(null);
  useSearchIntoList(searchBox, listArea);

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader title="Documents" subtitle="Quotes, contracts, photos and forms kept with your contacts, companies and jobs." actions={
            <>
              <StorageMenu />
              <AttachButtons attach={attach} />
            </>
          } />
        <TextInput
          ref={searchBox}
          mt="lg"
          mb="md"
          placeholder="Search by name, note or text"
          aria-label="Search documents"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <div ref={listArea}>
          <DocumentList
            filter={debounced ? { query: debounced } : {}}
            label="All documents"
            showLinks
            shown={focused}
            onShownClose={() => focusId && navigate('/documents', { replace: true })}
            empty={
              debounced ? (
                <Empty icon={<IconSearch size={32} />} title="No documents found" description={`Nothing named or noted “${debounced}”.`} py="xl" />
              ) : (
                <Empty
                  icon={<IconFiles size={32} />}
                  withIndicatorBackground
                  title="No documents yet"
                  description="Open a contact, company or job and use “Attach files” to keep quotes, contracts and photos with them. Files are copied into Rapport’s data folder, so they are backed up with it."
                  py="xl"
                />
              )
            }
          />
        </div>
      </div>
    </div>
  );
}

function useFocused(id: string | undefined) {
  const doc = useDocument(id);
  return id && doc.data ? doc.data : null;
}
