// Shared by the cases-records/-statuses/-list/-merge tests: a Mon–Fri 09:00–17:00 calendar in UTC, so due times
// can be worked out by hand whatever zone the machine is in.
const day = [{ start: '09:00', end: '17:00' }];
export const UTC_CALENDAR = { timeZone: 'UTC', hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: [], sunday: [] }, holidays: [] };
export const HOUR = 3_600_000;
