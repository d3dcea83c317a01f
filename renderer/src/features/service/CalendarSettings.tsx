// The business calendar targets are measured on: its time zone, the working hours of each weekday (any number of
// stretches, e.g. 09:00–12:00 and 13:00–17:00) and holidays. Saving moves every open case's due times.
import { ActionIcon, Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { BusinessCalendarShape } from '../../../../shared/domain/service';
import { useBusinessCalendar, useUpdateBusinessCalendar } from '../../api/service';
import { notifySuccess } from '../../ui/notify';
import { type IssueMap, issuesByPath } from './issue-map';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];
const DAY_LABELS: Record<Day, string> = { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' };
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

export function CalendarSettings() {
  const calendar = useBusinessCalendar();
  if (!calendar.data) return <Text size="sm">Loading…</Text>;
  return <CalendarForm key={JSON.stringify(calendar.data)} initial={calendar.data} />;
}

function CalendarForm({ initial }: { initial: BusinessCalendarShape }) {
  const save = useUpdateBusinessCalendar();
  const [value, setValue] = useState(initial);
  const [holiday, setHoliday] = useState('');
  const [errors, setErrors] = useState<IssueMap>({});
  const [other, setOther] = useState<string | null>(null);
  const setDay = (day: Day, stretches: BusinessCalendarShape['hours'][Day]) => setValue((v) => ({ ...v, hours: { ...v.hours, [day]: stretches } }));
  const zones = ZONES.includes(value.timeZone) ? ZONES : [value.timeZone, ...ZONES];
  const submit = () => {
    setErrors({});
    setOther(null);
    save.mutate(value, {
      onSuccess: () => notifySuccess('Business hours saved; due times follow them'),
      onError: (error) => {
        const found = issuesByPath(error, (p) => p === 'timeZone' || p.startsWith('hours.') || p.startsWith('holidays'));
        setErrors(found.byPath);
        setOther(found.other);
      },
    });
  };
  return (
    <form
      aria-label="Business hours"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {other && <Alert color="red">{other}</Alert>}
        <Select label="Time zone" searchable data={zones} value={value.timeZone} allowDeselect={false} onChange={(tz) => tz && setValue((v) => ({ ...v, timeZone: tz }))} error={errors.timeZone} w={300} />
        <div>
          <Title order={3} size="h5" mb="xs">
            Working hours
          </Title>
          <Stack gap={6}>
            {DAYS.map((day) => (
              <Group key={day} align="flex-start" gap="sm" wrap="nowrap">
                <Text size="sm" w={100} pt={6}>
                  {DAY_LABELS[day]}
                </Text>
                <Stack gap={4}>
                  {value.hours[day].length === 0 && (
                    <Text size="sm" c="dimmed" pt={6}>
                      Closed
                    </Text>
                  )}
                  {value.hours[day].map((s, i) => (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        type="time"
                        aria-label={`${DAY_LABELS[day]} from`}
                        value={s.start}
                        onChange={(e) => setDay(day, value.hours[day].map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)))}
                        error={errors[`hours.${day}.${i}.start`] ?? errors[`hours.${day}.${i}`]}
                        w={140}
                      />
                      <Text pt={6}>–</Text>
                      <TextInput
                        type="time"
                        aria-label={`${DAY_LABELS[day]} until`}
                        value={s.end}
                        onChange={(e) => setDay(day, value.hours[day].map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)))}
                        error={errors[`hours.${day}.${i}.end`]}
                        w={140}
                      />
                      <ActionIcon variant="subtle" color="gray" mt={4} aria-label={`Remove ${DAY_LABELS[day]} ${s.start}–${s.end}`} onClick={() => setDay(day, value.hours[day].filter((_, j) => j !== i))}>
                        <IconX size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                  {errors[`hours.${day}`] && (
                    <Text size="xs" c="red">
                      {errors[`hours.${day}`]}
                    </Text>
                  )}
                </Stack>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  mt={4}
                  leftSection={<IconPlus size={14} />}
                  aria-label={`Add hours on ${DAY_LABELS[day]}`}
                  onClick={() => setDay(day, [...value.hours[day], value.hours[day].length === 0 ? { start: '09:00', end: '17:00' } : { start: '13:00', end: '17:00' }])}
                >
                  Add
                </Button>
              </Group>
            ))}
          </Stack>
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            Holidays
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Days the clock does not count, like a weekend.
          </Text>
          <Stack gap={4}>
            {value.holidays.map((d, i) => (
              <Group key={d} gap="xs">
                <Text size="sm" w={110} c={errors[`holidays.${i}`] ? 'red' : undefined}>
                  {d}
                </Text>
                <ActionIcon variant="subtle" color="gray" aria-label={`Remove holiday ${d}`} onClick={() => setValue((v) => ({ ...v, holidays: v.holidays.filter((x) => x !== d) }))}>
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Group gap="xs" mt="xs" align="flex-end">
            <TextInput type="date" label="Add a holiday" value={holiday} onChange={(e) => setHoliday(e.currentTarget.value)} error={errors.holidays} w={180} />
            <Button
              variant="default"
              disabled={!holiday}
              onClick={() => {
                if (!value.holidays.includes(holiday)) setValue((v) => ({ ...v, holidays: [...v.holidays, holiday].sort() }));
                setHoliday('');
              }}
            >
              Add holiday
            </Button>
          </Group>
        </div>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save business hours
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
