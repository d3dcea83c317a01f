// What other features may embed from schedule: a job's appointments and today's. Everything else here is private.
export { JobAppointments } from './JobAppointments';
export { TodayAppointments } from './TodayAppointments';
