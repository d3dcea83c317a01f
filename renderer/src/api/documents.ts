// TanStack Query hooks for documents: a record's list or the global one, one document, its preview, each
// write, their query keys, and which changes make them stale.
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type Families, listsAndRecords } from './families';

export type DocumentRow = ChannelOutput<'documents.get'>;
export type DocumentListFilter = Omit<ChannelInput<'documents.list'>, 'cursor'>;
export type DocumentTarget = { contactId: string } | { companyId: string } | { jobId: string } | { activityId: string };

export const documentKeys = {
  all: ['documents'] as const,
  lists: ['documents', 'list'] as const,
  list: (filter: DocumentListFilter) => ['documents', 'list', filter] as const,
  activities: ['documents', 'activities'] as const,
  ofActivities: (activityIds: readonly string[]) => ['documents', 'activities', activityIds] as const,
  ones: ['documents', 'one'] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  preview: (id: string) => ['documents', 'preview', id] as const,
  settings: ['documents', 'settings'] as const,
};

/** Everything that shows documents with the titles of what they are linked to; not previews (bytes) or settings. */
const shown = [documentKeys.lists, documentKeys.activities, documentKeys.ones];

/** What data.changed makes stale here, by the entity that changed. */
export const documentsFamilies: Families = {
  // Lists, timelines' attachments and the changed documents.
  document: listsAndRecords(documentKeys.all, [documentKeys.lists, documentKeys.activities], documentKeys.one),
  // Each document shows the title of the person, company, job or activity it is linked to.
  contact: shown,
  company: shown,
  job: shown,
  activity: shown,
  // The largest file a user may attach is a setting.
  settings: [documentKeys.settings],
};

export function useDocumentList(filter: DocumentListFilter) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('documents.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every live document of these activities, all pages (a timeline page has at most a few dozen). */
async function documentsOfActivities(activityIds: readonly string[]): Promise<DocumentRow[]> {
  const out: DocumentRow[] = [];
  let cursor: string | null = null;
  do {
    const page: ChannelOutput<'documents.list'> = await invoke('documents.list', { activityIds: [...activityIds], sort: 'name', limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * The documents of a timeline's activities, by activity id: one documents.list per timeline page (never one
 * per entry), and nothing added to the timeline's own query, which stays as fast as it was.
 */
export function useDocumentsOfActivities(pages: readonly (readonly string[])[]): ReadonlyMap<string, DocumentRow[]> {
  return useQueries({
    queries: pages.map((ids) => ({
      queryKey: documentKeys.ofActivities(ids),
      queryFn: () => documentsOfActivities(ids),
      enabled: ids.length > 0,
      placeholderData: keepPreviousData,
    })),
    combine: (results) => {
      const byActivity = new Map<string, DocumentRow[]>();
      for (const doc of results.flatMap((r) => r.data ?? [])) {
        for (const link of doc.links) {
          if (link.type !== 'activity') continue;
          const list = byActivity.get(link.id) ?? [];
          if (!list.some((d) => d.id === doc.id)) list.push(doc);
          byActivity.set(link.id, list);
        }
      }
      return byActivity;
    },
  });
}

/** Nothing is asked while `id` is undefined. */
export function useDocument(id: string | undefined) {
  return useQuery({ queryKey: documentKeys.one(id ?? ''), queryFn: () => invoke('documents.get', { id: id! }), enabled: id !== undefined });
}

/** Bytes for the in-app viewer; only asked for when shown, and not kept long (they can be megabytes). */
export function useDocumentPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: documentKeys.preview(id), queryFn: () => invoke('documents.preview', { id }), enabled, gcTime: 30_000, retry: false });
}

function useDocumentMutation<C extends 'documents.rename' | 'documents.delete' | 'documents.restore' | 'documents.link' | 'documents.unlink'>(
  channel: C,
  options: { handlesValidation?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input) as Promise<DocumentRow>,
    ...(options.handlesValidation ? { meta: { handlesValidation: true } } : {}),
    onSuccess: (doc: DocumentRow) => client.setQueryData(documentKeys.one(doc.id), doc),
  });
}

/** One attach outside the mutation cache: a batch reports its failures once, together (see use-documents.ts). */
export async function attachDocument(client: QueryClient, input: ChannelInput<'documents.attach'>): Promise<DocumentRow> {
  const doc = await invoke('documents.attach', input);
  client.setQueryData(documentKeys.one(doc.id), doc);
  return doc;
}
export const useRenameDocument = () => useDocumentMutation('documents.rename', { handlesValidation: true });
export const useDeleteDocument = () => useDocumentMutation('documents.delete');
export const useRestoreDocument = () => useDocumentMutation('documents.restore');
export const useLinkDocument = () => useDocumentMutation('documents.link');
export const useUnlinkDocument = () => useDocumentMutation('documents.unlink');

export function useEmptyDocumentTrash() {
  return useMutation({ mutationFn: () => invoke('documents.emptyTrash', {}) });
}

/** Open / Show in folder: the OS does the rest; failures (a moved link) are notified by the query client. */
export function useOpenDocument() {
  return useMutation({ mutationFn: ({ id, reveal }: { id: string; reveal?: boolean }) => invoke(reveal ? 'documents.reveal' : 'documents.open', { id }) });
}

/** The OS file dialog (the harness answers from a file); [] when the user cancels. */
export function pickDocumentFiles(directory = false): Promise<string[]> {
  return invoke('files.pick', { purpose: 'document', multiple: !directory, directory }).then((r) => r.paths);
}

/**
 * Paths of files dropped on the page. Only the desktop app can tell (its preload's pathForFile); in a plain
 * browser (the test harness) this is [] and the page offers the file dialog instead.
 */
export function pathsOfDroppedFiles(files: readonly File[]): string[] {
  const pathFor = window.rapport?.pathForFile;
  if (!pathFor) return [];
  return files.map((file) => pathFor(file)).filter((path) => path !== '');
}

/** The integrity check: a report, nothing is changed. */
export function useDocumentCheck() {
  return useMutation({ mutationFn: () => invoke('documents.check', {}) });
}

export function useDocumentSettings() {
  return useQuery({ queryKey: documentKeys.settings, queryFn: () => invoke('documents.settings.get', {}) });
}

export function useSetDocumentSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'documents.settings.update'>) => invoke('documents.settings.update', input),
    onSuccess: (settings) => client.setQueryData(documentKeys.settings, settings),
  });
}
