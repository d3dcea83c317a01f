// Keyboard shortcuts and the desktop menu's app.command event lead to the same actions.
import { useHotkeys } from '@mantine/hooks';
import { quickSearch } from '../features/search/quick-search-store';
import { useLocation } from 'wouter';
import { quickLog } from '../features/activities/quick-log-store';
import type { EventPayload } from '../../../shared/ipc/events';
import { useEvent } from '../api/events';

type Command = EventPayload<'app.command'>['command'];

export function useAppCommands(): void {
  const [, navigate] = useLocation();

  const run = (command: Command) => {
    const actions: Record<Command, () => void> = {
      newContact: () => navigate('/contacts/new'),
      newCompany: () => navigate('/companies/new'),
      quickSearch: quickSearch.open,
      goContacts: () => navigate('/contacts'),
      goCompanies: () => navigate('/companies'),
      goTrash: () => navigate('/trash'),
      quickLog: () => quickLog.open(),
      goToday: () => navigate('/today'),
      goActivity: () => navigate('/activity'),
      // A reminder's "open" in the desktop notification: the Today view shows the task with its actions.
      openTask: () => navigate('/today'),
    };
    actions[command]();
  };

  useEvent('app.command', ({ command }) => run(command));
  // Empty ignore list: Ctrl/Cmd+K and Ctrl/Cmd+L must work from inside the list's search box too.
  useHotkeys(
    [
      ['mod+K', () => run('quickSearch')],
      ['mod+L', () => run('quickLog')],
    ],
    [],
  );
}
