// The dashboard's chosen period and currency, kept for the session so coming back from a record finds it as left.
import { useSessionStorage } from '@mantine/hooks';
import { type PeriodPreset, presetRange } from './report-period';

export interface DashboardPeriod {
  preset: PeriodPreset;
  from: string;
  to: string;
  currency: string | null;
}

export function useDashboardPeriod() {
  const [period, setPeriod] = useSessionStorage<DashboardPeriod>({
    key: 'rapport.reports.period',
    defaultValue: { preset: 'year', ...presetRange('year'), currency: null },
    getInitialValueInEffect: false,
  });
  return { period, setPeriod };
}
