// The query cache and its global error policy: failed loads and saves become notifications, except
// validation errors from forms, which the form shows next to the fields instead.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { IpcError } from '../../../shared/ipc/errors';
import { notifyError } from '../ui/notify';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: notifyError }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.handlesValidation && error instanceof IpcError && error.code === 'VALIDATION') return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      // Local IPC: a retry would only repeat the same answer, and data.changed keeps caches fresh.
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
