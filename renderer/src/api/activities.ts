// TanStack Query hooks for activities: the timeline (paged by cursor) and follow-ups (a contact's open ones and
// the Today view), each write, their query keys, and which changes make them stale.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';
import { byId, useEntityMutation } from './mutations';

export type TimelineFilter = Omit<ChannelInput<'timeline.list'>, 'cursor'>;
export type TaskListFilter = Omit<ChannelInput<'tasks.list'>, 'cursor'>;
export type TodayRange = ChannelInput<'tasks.today'>;

export const activityKeys = {
  all: ['activities'] as const,
  timeline: (filter: TimelineFilter) => ['activities', 'timeline', filter] as const,
  one: (id: string) => ['activities', 'one', id] as const,
};

export const taskKeys = {
  all: ['tasks'] as const,
  list: (filter: TaskListFilter) => ['tasks', 'list', filter] as const,
  today: (range: TodayRange) => ['tasks', 'today', range] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const activitiesFamilies: Families = {
  // Timelines list activities, whichever record they hang under.
  activity: [activityKeys.all],
  // Follow-up lists and the Today view (a change can move a task between overdue, today and done).
  task: [taskKeys.all],
  // Timeline entries and follow-ups show the person's name.
  contact: [activityKeys.all, taskKeys.all],
  // Timelines show each job's stage changes under its title.
  job: [activityKeys.all],
  // Stage changes show stage names.
  pipeline: [activityKeys.all],
};

/** A client's or job's timeline: activities and job stage changes, newest first, paged by cursor. */
export function useTimeline(filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(filter),
    queryFn: ({ pageParam }) => invoke('timeline.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCreateActivity() {
  return useEntityMutation('activities.create', { detailKey: activityKeys.one, handlesValidation: true });
}

export function useUpdateActivity() {
  return useEntityMutation('activities.update', { detailKey: activityKeys.one, handlesValidation: true });
}

export function useDeleteActivity() {
  return useEntityMutation('activities.delete', { detailKey: activityKeys.one, toInput: byId });
}

export function useRestoreActivity() {
  return useEntityMutation('activities.restore', { detailKey: activityKeys.one, toInput: byId });
}

export function useTaskList(filter: TaskListFilter) {
  return useQuery({ queryKey: taskKeys.list(filter), queryFn: () => invoke('tasks.list', filter), placeholderData: keepPreviousData });
}

export function useToday(range: TodayRange) {
  return useQuery({ queryKey: taskKeys.today(range), queryFn: () => invoke('tasks.today', range), placeholderData: keepPreviousData });
}

export function useCreateTask() {
  return useEntityMutation('tasks.create', { detailKey: taskKeys.one, handlesValidation: true });
}

export function useCompleteTask() {
  return useEntityMutation('tasks.complete', { detailKey: taskKeys.one, toInput: byId });
}

export function useReopenTask() {
  return useEntityMutation('tasks.reopen', { detailKey: taskKeys.one, toInput: byId });
}

export function useSnoozeTask() {
  return useEntityMutation('tasks.snooze', { detailKey: taskKeys.one });
}

export function useDeleteTask() {
  return useEntityMutation('tasks.delete', { detailKey: taskKeys.one, toInput: byId });
}

export function useRestoreTask() {
  return useEntityMutation('tasks.restore', { detailKey: taskKeys.one, toInput: byId });
}
