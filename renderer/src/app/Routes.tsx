// Hash routes (#/contacts/…) so the same build works under app:// and http://. One error boundary per page.
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { BackupsPage } from '../features/backups/BackupsPage';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { CompanyPage } from '../features/companies/CompanyPage';
import { NewCompanyPage } from '../features/companies/NewCompanyPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { DataPage } from '../features/data/DataPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { NewContactPage } from '../features/contacts/NewContactPage';
import { ActivityPage } from '../features/activities/ActivityPage';
import { JobPage } from '../features/jobs/JobPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { ComposePage } from '../features/email/ComposePage';
import { EmailPage } from '../features/email/EmailPage';
import { RecordsPage } from '../features/reports/RecordsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { TodayPage } from '../features/today/TodayPage';
import { TrashPage } from '../features/trash/TrashPage';
import { ImportPage } from '../features/import-export/ImportPage';
import { ErrorBoundary } from './ErrorBoundary';

export function Routes() {
  const [location] = useLocation();
  return (
    <ErrorBoundary resetKey={location}>
      <Switch>
        <Route path="/today" component={TodayPage} />
        <Route path="/schedule" component={SchedulePage} />
        <Route path="/activity" component={ActivityPage} />
        <Route path="/contacts" component={ContactsPage} />
        <Route path="/contacts/new" component={NewContactPage} />
        <Route path="/contacts/:id">{(params) => <ContactPage key={params.id} id={params.id} />}</Route>
        <Route path="/companies" component={CompaniesPage} />
        <Route path="/companies/new" component={NewCompanyPage} />
        <Route path="/companies/:id">{(params) => <CompanyPage key={params.id} id={params.id} />}</Route>
        <Route path="/jobs" component={JobsPage} />
        <Route path="/email">{() => <EmailPage />}</Route>
        <Route path="/email/compose">{() => <ComposePage />}</Route>
        <Route path="/email/compose/:contactId">{(params) => <ComposePage key={params.contactId} contactId={params.contactId} />}</Route>
        <Route path="/email/:tab">{(params) => <EmailPage tab={params.tab} />}</Route>
        <Route path="/jobs/:id">{(params) => <JobPage key={params.id} id={params.id} />}</Route>
        <Route path="/documents">{() => <DocumentsPage />}</Route>
        <Route path="/documents/:id">{(params) => <DocumentsPage focusId={params.id} />}</Route>
        <Route path="/reports" component={ReportsPage} />
        <Route path="/reports/records" component={RecordsPage} />
        <Route path="/import" component={ImportPage} />
        <Route path="/trash" component={TrashPage} />
        <Route path="/backups" component={BackupsPage} />
        <Route path="/data" component={DataPage} />
        <Route>
          <Redirect to="/today" replace />
        </Route>
      </Switch>
    </ErrorBoundary>
  );
}
