// Contract cases for the service settings and report (issue #22; see channels.test.ts).
import type { ServiceChannel } from '../../shared/ipc/service.channels';
import type { FeatureCases } from './cases';

const day = [{ start: '09:00', end: '17:00' }];
const calendar = { timeZone: 'Europe/London', hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: [], sunday: [] }, holidays: ['2026-12-25'] };
const target = { responseMinutes: 60, resolutionMinutes: 480 };
const targets = { byPriority: { low: target, normal: target, high: target, urgent: target }, overrides: [], reopenWithinDays: 7 };

export const serviceCases: FeatureCases<ServiceChannel> = {
  cases: {
    'service.calendar.get': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'service.calendar.update': {
      valid: () => calendar,
      invalid: [
        [() => ({ ...calendar, timeZone: 'Mars/Olympus' }), 'timeZone'],
        [() => ({ ...calendar, hours: { ...calendar.hours, monday: [{ start: '17:00', end: '09:00' }] } }), 'hours.monday.0.end'],
        [() => ({ ...calendar, hours: { ...calendar.hours, monday: [{ start: '9am', end: '17:00' }] } }), 'hours.monday.0.start'],
        [() => ({ ...calendar, holidays: ['2026-02-30'] }), 'holidays.0'],
      ],
    },
    'service.targets.get': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'service.targets.update': {
      valid: () => ({ ...targets, overrides: [{ type: 'warranty', byPriority: { normal: { responseMinutes: 30, resolutionMinutes: 240 } } }] }),
      invalid: [
        [() => ({ ...targets, byPriority: { ...targets.byPriority, low: { responseMinutes: 0, resolutionMinutes: 60 } } }), 'byPriority.low.responseMinutes'],
        [() => ({ ...targets, reopenWithinDays: -1 }), 'reopenWithinDays'],
        [() => ({ ...targets, byPriority: { low: target } }), 'byPriority.normal'],
      ],
    },
    'reports.service': {
      valid: () => ({ from: '2026-01-01', to: '2026-12-31' }),
      invalid: [[() => ({ from: 'last year', to: '2026-12-31' }), 'from'], [() => ({ from: '2026-12-31', to: '2026-01-01' }), 'to']],
    },
    'reports.serviceCsv': {
      valid: () => ({ from: '2026-01-01', to: '2026-12-31' }),
      invalid: [[() => ({ from: '2026-01-01' }), 'to']],
    },
  },
};
