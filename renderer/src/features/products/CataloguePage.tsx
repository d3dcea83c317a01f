// The catalogue (#/catalogue and #/catalogue/tax-rates, issue #23): the products and services a business quotes,
// and its tax rates. Each tab is its own route, so a link can open either.
import { Tabs } from '@mantine/core';
import { useLocation } from 'wouter';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { ProductsTab } from './ProductsTab';
import { TaxRatesTab } from './TaxRatesTab';

type Tab = 'products' | 'tax-rates';

export function CataloguePage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  const current: Tab = tab === 'tax-rates' ? 'tax-rates' : 'products';
  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top} style={{ paddingBottom: 0 }}>
        <PageHeader title="Catalogue" subtitle="What you sell, at what price, and the tax rates quotes and invoices use" />
        <Tabs value={current} onChange={(v) => navigate(v === 'tax-rates' ? '/catalogue/tax-rates' : '/catalogue')}>
          <Tabs.List>
            <Tabs.Tab value="products">Products and services</Tabs.Tab>
            <Tabs.Tab value="tax-rates">Tax rates</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      </div>
      {current === 'products' ? <ProductsTab /> : <TaxRatesTab />}
    </div>
  );
}
