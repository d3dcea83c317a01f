// The New product / Edit product dialog: every field labelled; the price typed in major units ("12.3456"), checked
// with the same parser main's quotes use, so what the user sees is what is stored. Delete is offered for a product
// no line came from; main answers for a used one ("make it inactive instead").
import { Alert, Autocomplete, Button, Checkbox, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { currencyDigits, isCurrencyCode } from '../../../../shared/domain/money';
import type { Recurrence } from '../../../../shared/domain/product';
import { formatUnitPrice, parseUnitPrice } from '../../../../shared/domain/quote-money';
import { type ProductRow, useCreateProduct, useDeleteProduct, useUpdateProduct } from '../../api/products';
import { useSalesSettings } from '../../api/quotes';
import { notifySuccess } from '../../ui/notify';
import { RECURRENCE_LABELS, UNIT_SUGGESTIONS, options } from './catalogue-text';
import { DialogForm, saveAnswer } from './dialog-form';
import { TaxRatePicker } from './TaxRatePicker';

export function ProductModal({ editing, onClose }: { editing: null | 'new' | ProductRow; onClose: () => void }) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing === 'new' ? 'New product or service' : 'Edit product or service'} size="lg">
      {editing !== null && <ProductForm product={editing === 'new' ? null : editing} onClose={onClose} />}
    </Modal>
  );
}

const FIELDS = ['name', 'code', 'description', 'unit', 'unitPriceE4', 'currency', 'priceIncludesTax', 'taxRateId', 'costE4', 'category', 'recurrence', 'active', 'id'] as const;

function ProductForm({ product, onClose }: { product: ProductRow | null; onClose: () => void }) {
  const settings = useSalesSettings();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const startCurrency = product?.currency ?? settings.data?.currency ?? '';
  const startDigits = currencyDigits(startCurrency || 'GBP');
  const [name, setName] = useState(product?.name ?? '');
  const [code, setCode] = useState(product?.code ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [unit, setUnit] = useState(product?.unit ?? '');
  const [price, setPrice] = useState(product ? formatUnitPrice(product.unitPriceE4, startDigits) : '');
  const [currency, setCurrency] = useState(startCurrency);
  const [includesTax, setIncludesTax] = useState(product?.priceIncludesTax ?? false);
  // A new product takes the business's default rate, which may arrive after the dialog opened; a choice wins.
  const [chosenRate, setTaxRateId] = useState<{ id: string | null } | null>(product ? { id: product.taxRateId } : null);
  const taxRateId = chosenRate ? chosenRate.id : (settings.data?.defaultTaxRateId ?? null);
  const [cost, setCost] = useState(product?.costE4 == null ? '' : formatUnitPrice(product.costE4, startDigits));
  const [category, setCategory] = useState(product?.category ?? '');
  const [recurrence, setRecurrence] = useState<Recurrence>(product?.recurrence ?? 'none');
  const [active, setActive] = useState(product?.active ?? true);
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});

  const submit = () => {
    const code3 = currency.trim().toUpperCase();
    const digits = currencyDigits(code3 && isCurrencyCode(code3) ? code3 : startCurrency || 'GBP');
    const found: Record<string, string> = {};
    const unitPriceE4 = parseUnitPrice(price, digits);
    if (!name.trim()) found.name = 'Name the product or service';
    if (unitPriceE4 === null) found.unitPriceE4 = price.trim() ? `Enter a price like 12.50 (at most ${digits + 4} decimal places)` : 'Enter a price';
    const costE4 = cost.trim() ? parseUnitPrice(cost, digits) : null;
    if (cost.trim() && costE4 === null) found.costE4 = 'Enter a cost like 7.25, or leave it empty';
    if (code3 && !isCurrencyCode(code3)) found.currency = 'Use a three-letter currency code, like GBP or EUR';
    setErrors(found);
    if (Object.keys(found).length > 0 || unitPriceE4 === null) return;
    const fields = {
      name: name.trim(),
      code: code.trim() || null,
      description: description.trim() || null,
      unit: unit.trim() || null,
      unitPriceE4,
      ...(code3 ? { currency: code3 } : {}),
      priceIncludesTax: includesTax,
      taxRateId,
      costE4,
      category: category.trim() || null,
      recurrence,
      active,
    };
    const done = saveAnswer<ProductRow>((p) => `${p.name} ${product ? 'saved' : 'added to the catalogue'}`, FIELDS, setErrors, onClose);
    if (product) update.mutate({ id: product.id, ...fields }, done);
    else create.mutate(fields, done);
  };

  const deleteProduct = () =>
    product &&
    remove.mutate(product.id, {
      onSuccess: () => {
        notifySuccess(`${product.name} deleted`);
        onClose();
      },
    });

  return (
    <DialogForm onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Group grow align="flex-start">
          <TextInput label="Code" description="Optional; imports match on it" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} />
          <Autocomplete label="Unit" description="What the quantity counts" data={UNIT_SUGGESTIONS} value={unit} onChange={setUnit} error={errors.unit} />
        </Group>
        <Textarea label="Description" description="Printed under the name on a quote" autosize minRows={2} maxRows={6} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <Group grow align="flex-start">
          <TextInput label="Unit price" required inputMode="decimal" placeholder="12.50" value={price} onChange={(e) => setPrice(e.currentTarget.value)} error={errors.unitPriceE4} />
          <TextInput label="Currency" placeholder={settings.data?.currency ?? 'GBP'} maxLength={3} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} error={errors.currency} />
          <TextInput label="Cost" description="What it costs you (optional)" inputMode="decimal" value={cost} onChange={(e) => setCost(e.currentTarget.value)} error={errors.costE4} />
        </Group>
        <Checkbox label="The price includes tax" checked={includesTax} onChange={(e) => setIncludesTax(e.currentTarget.checked)} />
        <Group grow align="flex-start">
          <TaxRatePicker label="Tax rate" value={taxRateId} onChange={(r) => setTaxRateId({ id: r.id })} onClear={() => setTaxRateId({ id: null })} {...(errors.taxRateId ? { error: String(errors.taxRateId) } : {})} />
          <TextInput label="Category" value={category} onChange={(e) => setCategory(e.currentTarget.value)} error={errors.category} />
        </Group>
        <Select label="Repeats" description="How often a client usually buys it again" data={options(RECURRENCE_LABELS)} value={recurrence} allowDeselect={false} onChange={(v) => v && setRecurrence(v as Recurrence)} />
        <Switch label="Active (offered on new quotes)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {errors.id && <Alert color="red">{errors.id}</Alert>}
        <Group justify="space-between">
          <div>
            {product && (
              <Button variant="subtle" color="red" onClick={deleteProduct} loading={remove.isPending}>
                Delete
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {product ? 'Save' : 'Add product'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </DialogForm>
  );
}
