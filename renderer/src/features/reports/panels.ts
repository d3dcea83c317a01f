// What other features may embed from reports: the alerts on Today. Everything else here is private.
export { AlertsSection } from './AlertsSection';
