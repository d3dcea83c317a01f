// A sortable, paged list of documents with the details and rename dialogs: what a record's Documents
// section and the global Documents page both show.
import { Button, Center, Loader } from '@mantine/core';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useDocumentList, type DocumentListFilter, type DocumentRow } from '../../api/documents';
import { focusElement } from '../../ui/focus-keeper';
import { DocumentDetails } from './DocumentDetails';
import { DocumentTable, NATURAL, type Sort } from './DocumentTable';
import { RenameDocument } from './RenameDocument';
import { useDocumentActions } from './use-documents';

interface Props {
  filter: Omit<DocumentListFilter, 'sort' | 'direction'>;
  empty: ReactNode;
  label: string;
  readOnly?: boolean;
  showLinks?: boolean;
  /** A document to show at once (a search hit's target). */
  shown?: DocumentRow | null;
  onShownClose?: () => void;
}

export function DocumentList({ filter, empty, label, readOnly, showLinks, shown, onShownClose }: Props) {
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', direction: NATURAL.createdAt });
  const list = useDocumentList({ ...filter, sort: sort.key, direction: sort.direction, limit: 50 });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<DocumentRow | null>(null);
  const actions = useDocumentActions();
  const home = useRef<HTMLDivElement>(null);
  // The open dialog follows the list's fresh copy (a rename or a link's state shows at once).
  const details = detailsId ? (items.find((d) => d.id === detailsId) ?? (shown?.id === detailsId ? shown : null)) : (shown ?? null);

  const handlers = {
    onOpen: (doc: DocumentRow) => actions.open(doc.id, doc.name),
    onReveal: (doc: DocumentRow) => actions.reveal(doc.id),
    onRename: (doc: DocumentRow) => setRenaming(doc),
    onTrash: (doc: DocumentRow) => {
      // From the row's menu (or its details), focus is in a layer above the list: put it back on the row first, so
      // the next row takes it once this one has gone.
      const row = home.current?.querySelector<HTMLElement>(`[data-focus-row="${CSS.escape(doc.id)}"]`);
      if (row && !row.contains(document.activeElement)) focusElement(row);
      setDetailsId(null);
      onShownClose?.();
      actions.trash(doc.id);
    },
  };

  return (
    <div ref={home} data-focus-home>
      {list.isPending ? (
        <Center p="md">
          <Loader size="sm" aria-label="Loading documents" />
        </Center>
      ) : items.length === 0 ? (
        <div data-focus-empty>{empty}</div>
      ) : (
        <>
          <DocumentTable items={items} sort={sort} onSort={setSort} onShow={(doc) => setDetailsId(doc.id)} showLinks={showLinks} readOnly={readOnly} label={label} {...handlers} />
          {list.hasNextPage && (
            <Button variant="subtle" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Show more
            </Button>
          )}
        </>
      )}
      <DocumentDetails
        doc={details}
        onClose={() => {
          setDetailsId(null);
          onShownClose?.();
        }}
        readOnly={readOnly}
        {...handlers}
      />
      <RenameDocument doc={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
