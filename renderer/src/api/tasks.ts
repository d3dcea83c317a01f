// TanStack Query hooks for tasks (follow-ups): a contact's open ones, the Today view, and each write.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type TaskListFilter, keys } from './keys';
import { byId, useEntityMutation } from './mutations';

export function useTaskList(filter: TaskListFilter) {
  return useQuery({ queryKey: keys.taskList(filter), queryFn: () => invoke('tasks.list', filter), placeholderData: keepPreviousData });
}

export function useToday(range: ChannelInput<'tasks.today'>) {
  return useQuery({ queryKey: keys.today(range), queryFn: () => invoke('tasks.today', range), placeholderData: keepPreviousData });
}

export function useCreateTask() {
  return useEntityMutation('tasks.create', { detailKey: keys.task, handlesValidation: true });
}

export function useCompleteTask() {
  return useEntityMutation('tasks.complete', { detailKey: keys.task, toInput: byId });
}

export function useReopenTask() {
  return useEntityMutation('tasks.reopen', { detailKey: keys.task, toInput: byId });
}

export function useSnoozeTask() {
  return useEntityMutation('tasks.snooze', { detailKey: keys.task });
}

export function useDeleteTask() {
  return useEntityMutation('tasks.delete', { detailKey: keys.task, toInput: byId });
}

export function useRestoreTask() {
  return useEntityMutation('tasks.restore', { detailKey: keys.task, toInput: byId });
}
