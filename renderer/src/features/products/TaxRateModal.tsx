// The New tax rate / Edit tax rate dialog. The rate is typed as people write it ("20", "9.975") and kept exact in
// thousandths of a percent; the rules (a zero-rated kind is 0 %, it ends on or after it starts) are main's, shown
// beside the field they name.
import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { formatRate, type TaxKind } from '../../../../shared/domain/tax-rates';
import { type TaxRateRow, useCreateTaxRate, useUpdateTaxRate } from '../../api/products';
import { KIND_LABELS, options } from './catalogue-text';
import { DialogForm, saveAnswer } from './dialog-form';

export function TaxRateModal({ editing, onClose }: { editing: null | 'new' | TaxRateRow; onClose: () => void }) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing === 'new' ? 'New tax rate' : 'Edit tax rate'}>
      {editing !== null && <TaxRateForm rate={editing === 'new' ? null : editing} onClose={onClose} />}
    </Modal>
  );
}

const FIELDS = ['name', 'rateMilli', 'kind', 'country', 'validFrom', 'validTo', 'active'] as const;

/** "20" -> 20_000, "9.975" -> 9_975, "5,5" -> 5_500; null when it is not a percentage with up to 3 decimals. */
function parseRate(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,3}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

function TaxRateForm({ rate, onClose }: { rate: TaxRateRow | null; onClose: () => void }) {
  const create = useCreateTaxRate();
  const update = useUpdateTaxRate();
  const [name, setName] = useState(rate?.name ?? '');
  const [percent, setPercent] = useState(rate ? formatRate(rate.rateMilli).replace('%', '') : '');
  const [kind, setKind] = useState<TaxKind>(rate?.kind ?? 'standard');
  const [country, setCountry] = useState(rate?.country ?? '');
  const [validFrom, setValidFrom] = useState(rate?.validFrom ?? '');
  const [validTo, setValidTo] = useState(rate?.validTo ?? '');
  const [active, setActive] = useState(rate?.active ?? true);
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});

  const submit = () => {
    const rateMilli = parseRate(percent);
    if (rateMilli === null) {
      setErrors({ rateMilli: 'Enter the rate as a percentage, like 20 or 9.975' });
      return;
    }
    setErrors({});
    const fields = { name: name.trim(), rateMilli, kind, country: country.trim() || null, validFrom: validFrom.trim() || null, validTo: validTo.trim() || null, active };
    const done = saveAnswer<TaxRateRow>((r) => `${r.name} ${rate ? 'saved' : 'added'}`, FIELDS, setErrors, onClose);
    if (rate) update.mutate({ id: rate.id, ...fields }, done);
    else create.mutate(fields, done);
  };

  return (
    <DialogForm onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label="Name" description="As the PDF prints it, like VAT 20%" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Group grow align="flex-start">
          <TextInput label="Rate (%)" required inputMode="decimal" placeholder="20" value={percent} onChange={(e) => setPercent(e.currentTarget.value)} error={errors.rateMilli} />
          <Select label="Kind" data={options(KIND_LABELS)} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as TaxKind)} error={errors.kind} />
        </Group>
        <TextInput label="Country" description="Two letters (GB, IE, CA-QC) or EU; optional" value={country} onChange={(e) => setCountry(e.currentTarget.value)} error={errors.country} />
        <Group grow align="flex-start">
          <TextInput label="Valid from" placeholder="YYYY-MM-DD" value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={errors.validFrom} />
          <TextInput label="Valid to" placeholder="YYYY-MM-DD" value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={errors.validTo} />
        </Group>
        <Switch label="Active (offered on new quotes)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {rate ? 'Save' : 'Add rate'}
          </Button>
        </Group>
      </Stack>
    </DialogForm>
  );
}
