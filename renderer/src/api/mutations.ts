// Every entity write has one shape: call its channel and prime the entity's detail cache with what came back.
// It refreshes nothing else: main answers every write with data.changed, and live.ts refetches what shows the
// entity once, however the change was made. Each entity's create/update/delete/restore hook is one call to this.
import { type DefaultError, type QueryKey, type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';

/** Channels that answer with one entity, so there is a detail cache to prime; a list or search channel is a compile error. */
export type EntityChannel = { [C in Channel]: ChannelOutput<C> extends { id: string } ? C : never }[Channel];

interface EntityMutationOptions {
  /** The entity's detail query, so its page shows the saved version at once instead of after a refetch. */
  detailKey: (id: string) => QueryKey;
  /** Set for form saves: the form shows validation errors by its fields, so the global error notification stays quiet. */
  handlesValidation?: boolean;
}

/** The mutation takes the channel's input as it is. */
export function useEntityMutation<C extends EntityChannel>(
  channel: C,
  options: EntityMutationOptions,
): UseMutationResult<ChannelOutput<C>, DefaultError, ChannelInput<C>>;
/** The mutation takes what callers have (e.g. a bare id) and toInput turns it into the channel's input. */
export function useEntityMutation<C extends EntityChannel, V>(
  channel: C,
  options: EntityMutationOptions & { toInput: (variables: V) => ChannelInput<C> },
): UseMutationResult<ChannelOutput<C>, DefaultError, V>;
export function useEntityMutation<C extends EntityChannel, V>(
  channel: C,
  { detailKey, handlesValidation, toInput }: EntityMutationOptions & { toInput?: (variables: V) => ChannelInput<C> },
) {
  const client = useQueryClient();
  return useMutation({
    // Without toInput the first overload applies, where V is ChannelInput<C>, so the cast only restates that.
    mutationFn: (variables: V) => invoke(channel, toInput ? toInput(variables) : (variables as ChannelInput<C>)),
    // Only form saves carry meta, as before: the query client's error policy reads it.
    ...(handlesValidation ? { meta: { handlesValidation: true } } : {}),
    onSuccess: (entity: ChannelOutput<C>) => client.setQueryData(detailKey(entity.id), entity),
  });
}

/** toInput for channels that take just { id }, so callers can pass the id itself. */
export const byId = (id: string) => ({ id });
