// Which of the server's address books and calendars an account syncs: the address book for contacts, the calendar
// for appointments and the one for follow-ups (the same one is fine), and other calendars only read. When adding, a
// new address book or calendar can be made on the server instead; editing chooses among the existing ones.
// Native selects: each is one labelled control the keyboard reaches and works like any other in the system.
import { Checkbox, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { SyncAccount, SyncCollection } from '../../../../shared/domain/sync';
import type { SyncDiscoveryResult } from '../../api/sync';

export const NONE = '__none__';
export const CREATE = '__create__';

export interface Choice {
  /** An href, NONE or CREATE. */
  addressBook: string;
  newAddressBook: string;
  events: string;
  tasks: string;
  newCalendar: string;
  /** Other calendars read (hrefs). */
  others: string[];
}

const takes = (c: SyncCollection, component: 'VEVENT' | 'VTODO') => c.components.length === 0 || c.components.includes(component);

/** The first sensible choice: the first address book and calendar that fit, or new ones where the server allows. */
export function defaultChoice(found: SyncDiscoveryResult): Choice {
  const book = found.addressBooks[0]?.href ?? (found.canCreateAddressBook ? CREATE : NONE);
  const fallback = found.canCreateCalendar ? CREATE : NONE;
  const events = found.calendars.find((c) => takes(c, 'VEVENT'))?.href ?? fallback;
  const tasks = found.calendars.find((c) => takes(c, 'VTODO'))?.href ?? fallback;
  return { addressBook: book, newAddressBook: 'Rapport contacts', events, tasks, newCalendar: 'Rapport', others: [] };
}

/** An existing account's choice, to edit. */
export function accountChoice(account: SyncAccount): Choice {
  const main = [account.eventsCalendar?.href, account.tasksCalendar?.href];
  return {
    addressBook: account.addressBook?.href ?? NONE,
    newAddressBook: '',
    events: account.eventsCalendar?.href ?? NONE,
    tasks: account.tasksCalendar?.href ?? NONE,
    newCalendar: '',
    others: account.calendars.map((c) => c.href).filter((href) => !main.includes(href)),
  };
}

const pick = (value: string) => (value === NONE || value === CREATE ? null : value);

/** The choice as the add channel takes it: every calendar read includes the two written to. */
export function choiceInput(choice: Choice) {
  const createsCalendar = choice.events === CREATE || choice.tasks === CREATE;
  const written = [pick(choice.events), pick(choice.tasks)].filter((href): href is string => href !== null);
  return {
    addressBook: pick(choice.addressBook),
    ...(choice.addressBook === CREATE ? { createAddressBook: choice.newAddressBook.trim() } : {}),
    eventsCalendar: pick(choice.events),
    tasksCalendar: pick(choice.tasks),
    ...(createsCalendar
      ? { createCalendar: choice.newCalendar.trim(), createCalendarFor: [...(choice.events === CREATE ? ['events' as const] : []), ...(choice.tasks === CREATE ? ['tasks' as const] : [])] }
      : {}),
    calendars: [...new Set([...written, ...choice.others])],
  };
}

interface Props {
  found: SyncDiscoveryResult;
  value: Choice;
  onChange: (choice: Choice) => void;
  /** Adding may make new collections; editing only chooses. */
  canCreate: boolean;
  errors: Record<string, string | undefined>;
  /** The first select, so the form can move focus to it once the server answered. */
  firstRef?: React.Ref<HTMLSelectElement>;
}

export function CollectionChoice({ found, value, onChange, canCreate, errors, firstRef }: Props) {
  const set = (patch: Partial<Choice>) => onChange({ ...value, ...patch });
  const options = (list: readonly SyncCollection[], create: string | false, none: string) => [
    ...list.map((c) => ({ value: c.href, label: c.displayName || c.href })),
    ...(canCreate && create ? [{ value: CREATE, label: create }] : []),
    { value: NONE, label: none },
  ];
  const eventCalendars = found.calendars.filter((c) => takes(c, 'VEVENT'));
  const taskCalendars = found.calendars.filter((c) => takes(c, 'VTODO'));
  const newCalendar = value.events === CREATE || value.tasks === CREATE;
  const others = found.calendars.filter((c) => c.href !== value.events && c.href !== value.tasks);
  const nothing = found.addressBooks.length === 0 && found.calendars.length === 0;

  return (
    <Stack gap="sm">
      {nothing && (
        <Text size="sm">
          {canCreate && (found.canCreateAddressBook || found.canCreateCalendar)
            ? 'This login has no address books or calendars yet: Rapport can make them for you.'
            : 'This login has no address books or calendars. Make one on the server (in its web page), then find them again.'}
        </Text>
      )}
      <NativeSelect
        ref={firstRef}
        label="Address book for contacts"
        description="Your contacts are sent to it, and contacts added there (for example on your phone) come into Rapport."
        data={options(found.addressBooks, found.canCreateAddressBook && 'Create a new address book…', 'Do not sync contacts')}
        value={value.addressBook}
        onChange={(e) => set({ addressBook: e.currentTarget.value })}
        error={errors.addressBook}
      />
      {value.addressBook === CREATE && (
        <TextInput label="Name of the new address book" required value={value.newAddressBook} onChange={(e) => set({ newAddressBook: e.currentTarget.value })} error={errors.createAddressBook} />
      )}
      <NativeSelect
        label="Calendar for appointments"
        data={options(eventCalendars, found.canCreateCalendar && 'Create a new calendar…', 'Do not sync appointments')}
        value={value.events}
        onChange={(e) => set({ events: e.currentTarget.value })}
        error={errors.eventsCalendar}
      />
      <NativeSelect
        label="Calendar for follow-ups"
        description="Follow-ups appear as tasks (to-dos) on your phone. The same calendar as appointments is fine."
        data={options(taskCalendars, found.canCreateCalendar && 'Create a new calendar…', 'Do not sync follow-ups')}
        value={value.tasks}
        onChange={(e) => set({ tasks: e.currentTarget.value })}
        error={errors.tasksCalendar}
      />
      {newCalendar && (
        <TextInput label="Name of the new calendar" required value={value.newCalendar} onChange={(e) => set({ newCalendar: e.currentTarget.value })} error={errors.createCalendar} />
      )}
      {others.length > 0 && (
        <Checkbox.Group
          label="Other calendars to show in Rapport"
          description="Their appointments are read into your schedule, so you see when you are busy."
          value={value.others.filter((href) => others.some((c) => c.href === href))}
          onChange={(hrefs) => set({ others: hrefs })}
          error={errors.calendars}
        >
          <Stack gap={6} mt={6}>
            {others.map((c) => (
              <Checkbox key={c.href} value={c.href} label={c.displayName || c.href} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
