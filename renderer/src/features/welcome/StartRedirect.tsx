// Where the app opens: the welcome while the store is empty and the welcome was not dismissed, else Today. Asked
// once per start (the store may have been filled in another window or by an import since).
import { Redirect } from 'wouter';
import { useSampleStatus } from '../../api/data';

export function StartRedirect() {
  const status = useSampleStatus();
  if (status.isPending) return null;
  return <Redirect to={status.data?.welcome ? '/welcome' : '/today'} replace />;
}
