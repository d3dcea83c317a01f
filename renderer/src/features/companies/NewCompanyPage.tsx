// A blank company form; after saving, the company opens so people can be added to it.
import { Button } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { useCreateCompany } from '../../api/companies';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { emptyCompanyValues } from './company-form-values';
import { CompanyForm } from './CompanyForm';

export function NewCompanyPage() {
  const create = useCreateCompany();
  const [, navigate] = useLocation();
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader title="New company" />
        <div className={pageClasses.formGap}>
          <CompanyForm
            initialValues={emptyCompanyValues()}
            submitLabel="Create company"
            onSave={async (fields) => {
              const company = await create.mutateAsync(fields);
              notifySuccess(`${company.name} added`);
              navigate(`/companies/${company.id}`);
            }}
            secondaryAction={
              <Button variant="subtle" color="gray" component={Link} href="/companies">
                Cancel
              </Button>
            }
          />
        </div>
      </div>
    </div>
  );
}
