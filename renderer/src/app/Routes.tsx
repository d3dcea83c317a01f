// Hash routes (#/contacts/…) so the same build works under app:// and http://. One error boundary per page.
// Each page is its own chunk (lazyPage), so the first paint waits only for the shell and the page shown.
import { Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { StartRedirect } from '../features/welcome/StartRedirect';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyPage, prefetchPages } from './lazy-page';
import classes from './Routes.module.css';

const BackupsPage = lazyPage(() => import('../features/backups/BackupsPage'), 'BackupsPage');
const CasePage = lazyPage(() => import('../features/cases/CasePage'), 'CasePage');
const CasesPage = lazyPage(() => import('../features/cases/CasesPage'), 'CasesPage');
const ServiceSettingsPage = lazyPage(() => import('../features/service/ServiceSettingsPage'), 'ServiceSettingsPage');
const ServiceReportPage = lazyPage(() => import('../features/service/ServiceReportPage'), 'ServiceReportPage');
const CataloguePage = lazyPage(() => import('../features/products/CataloguePage'), 'CataloguePage');
const QuotesPage = lazyPage(() => import('../features/quotes/QuotesPage'), 'QuotesPage');
const QuotePage = lazyPage(() => import('../features/quotes/QuotePage'), 'QuotePage');
const SalesSettingsPage = lazyPage(() => import('../features/quotes/SalesSettingsPage'), 'SalesSettingsPage');
const InvoicesPage = lazyPage(() => import('../features/invoices/InvoicesPage'), 'InvoicesPage');
const InvoicePage = lazyPage(() => import('../features/invoices/InvoicePage'), 'InvoicePage');
const SuggestionsPage = lazyPage(() => import('../features/sales/SuggestionsPage'), 'SuggestionsPage');
const CompaniesPage = lazyPage(() => import('../features/companies/CompaniesPage'), 'CompaniesPage');
const CompanyPage = lazyPage(() => import('../features/companies/CompanyPage'), 'CompanyPage');
const NewCompanyPage = lazyPage(() => import('../features/companies/NewCompanyPage'), 'NewCompanyPage');
const ContactPage = lazyPage(() => import('../features/contacts/ContactPage'), 'ContactPage');
const ContactsPage = lazyPage(() => import('../features/contacts/ContactsPage'), 'ContactsPage');
const DataPage = lazyPage(() => import('../features/data/DataPage'), 'DataPage');
const DuplicatesPage = lazyPage(() => import('../features/duplicates/DuplicatesPage'), 'DuplicatesPage');
const DocumentsPage = lazyPage(() => import('../features/documents/DocumentsPage'), 'DocumentsPage');
const NewContactPage = lazyPage(() => import('../features/contacts/NewContactPage'), 'NewContactPage');
const ActivityPage = lazyPage(() => import('../features/activities/ActivityPage'), 'ActivityPage');
const JobPage = lazyPage(() => import('../features/jobs/JobPage'), 'JobPage');
const JobsPage = lazyPage(() => import('../features/jobs/JobsPage'), 'JobsPage');
const ComposePage = lazyPage(() => import('../features/email/ComposePage'), 'ComposePage');
const EmailPage = lazyPage(() => import('../features/email/EmailPage'), 'EmailPage');
const RecordsPage = lazyPage(() => import('../features/reports/RecordsPage'), 'RecordsPage');
const PrivacyPage = lazyPage(() => import('../features/privacy/PrivacyPage'), 'PrivacyPage');
const QualityPage = lazyPage(() => import('../features/quality/QualityPage'), 'QualityPage');
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const SchedulePage = lazyPage(() => import('../features/schedule/SchedulePage'), 'SchedulePage');
const TodayPage = lazyPage(() => import('../features/today/TodayPage'), 'TodayPage');
const TrashPage = lazyPage(() => import('../features/trash/TrashPage'), 'TrashPage');
const ImportPage = lazyPage(() => import('../features/import-export/ImportPage'), 'ImportPage');
const SyncPage = lazyPage(() => import('../features/sync/SyncPage'), 'SyncPage');
const ConflictsPage = lazyPage(() => import('../features/sync/ConflictsPage'), 'ConflictsPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const WelcomePage = lazyPage(() => import('../features/welcome/WelcomePage'), 'WelcomePage');

export function Routes() {
  const [location] = useLocation();
  useEffect(prefetchPages, []);
  return (
    <ErrorBoundary resetKey={location}>
      {/* An empty page-sized box while a page's chunk loads: nothing jumps when the page arrives. */}
      <Suspense fallback={<div className={classes.loading} />}>
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
          <Route path="/cases" component={CasesPage} />
          <Route path="/cases/:id">{(params) => <CasePage key={params.id} id={params.id} />}</Route>
          <Route path="/quotes" component={QuotesPage} />
          <Route path="/quotes/settings" component={SalesSettingsPage} />
          <Route path="/quotes/:id">{(params) => <QuotePage key={params.id} id={params.id} />}</Route>
          <Route path="/invoices" component={InvoicesPage} />
          <Route path="/invoices/:id">{(params) => <InvoicePage key={params.id} id={params.id} />}</Route>
          <Route path="/catalogue">{() => <CataloguePage />}</Route>
          <Route path="/catalogue/:tab">{(params) => <CataloguePage key={params.tab} tab={params.tab} />}</Route>
          <Route path="/sales/suggestions" component={SuggestionsPage} />
          <Route path="/reports/service" component={ServiceReportPage} />
          <Route path="/service">{() => <ServiceSettingsPage />}</Route>
          <Route path="/service/:tab">{(params) => <ServiceSettingsPage tab={params.tab} />}</Route>
          <Route path="/documents">{() => <DocumentsPage />}</Route>
          <Route path="/documents/:id">{(params) => <DocumentsPage focusId={params.id} />}</Route>
          <Route path="/reports" component={ReportsPage} />
          <Route path="/reports/records" component={RecordsPage} />
          <Route path="/import" component={ImportPage} />
          <Route path="/quality" component={QualityPage} />
          <Route path="/quality/duplicates" component={DuplicatesPage} />
          <Route path="/privacy" component={PrivacyPage} />
          <Route path="/trash" component={TrashPage} />
          <Route path="/backups" component={BackupsPage} />
          <Route path="/sync" component={SyncPage} />
          <Route path="/sync/conflicts" component={ConflictsPage} />
          <Route path="/data" component={DataPage} />
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route path="/settings/:section">{(params) => <SettingsPage key={params.section} section={params.section} />}</Route>
          <Route path="/welcome" component={WelcomePage} />
          <Route>
            <StartRedirect />
          </Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
