// Tax rates as data (issue #23), not a hard-coded list as in SuiteCRM: these are the starting values a new business
// gets, which the user edits, ends (validTo) and adds to. A quote line copies the rate it used, so editing a rate
// here never changes a sent quote. Imports nothing.
//
// Rates are thousandths of a percent (20 % = 20_000, 9.975 % = 9_975: exact). Sources, as at 2026 and to be checked
// by the user against their own tax office:
// - UK: GOV.UK "VAT rates" (https://www.gov.uk/vat-rates); standard 20 % since 4 January 2011.
// - EU members: European Commission, "VAT rates applied in the Member States" (taxation-customs.ec.europa.eu), and
//   each tax office: IE revenue.ie (23 % since 1 January 2012; 13.5 % again since 1 March 2021), DE BMF (19 % and 7 %
//   again since 1 January 2021, after the 2020 cut to 16 % and 5 %), FR impots.gouv.fr (20 %, 10 %, 5.5 % since
//   1 January 2014), NL Belastingdienst (21 % since 1 October 2012; 9 % since 1 January 2019), ES AEAT (21 % and 10 %
//   since 1 September 2012), SE Skatteverket.
// - Canada: CRA (GST 5 % since 1 January 2008); Quebec: Revenu Québec (QST 9.975 % on the price before GST since
//   1 January 2013).
// A null validFrom means the date was not checked, not that the rate is new.

export const TaxKind = ['standard', 'reduced', 'zero', 'exempt', 'reverse_charge', 'outside_scope'] as const;
export type TaxKind = (typeof TaxKind)[number];

export type TaxRateDefault = {
  /** Stable across installs, so a quote's snapshot can say which default it came from. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, with a subdivision where the tax is provincial (CA-QC). */
  country: string;
  kind: TaxKind;
  rateMilli: number;
  validFrom: string | null;
  validTo: string | null;
};

const rate = (id: string, country: string, kind: TaxKind, rateMilli: number, name: string, validFrom: string | null = null): TaxRateDefault => ({
  id,
  name,
  country,
  kind,
  rateMilli,
  validFrom,
  validTo: null,
});

export const DEFAULT_TAX_RATES: readonly TaxRateDefault[] = [
  rate('gb-standard', 'GB', 'standard', 20_000, 'VAT 20%', '2011-01-04'),
  rate('gb-reduced', 'GB', 'reduced', 5_000, 'VAT 5% (reduced)'),
  rate('gb-zero', 'GB', 'zero', 0, 'VAT 0% (zero-rated)'),
  rate('gb-exempt', 'GB', 'exempt', 0, 'Exempt from VAT'),
  // Cross-border business-to-business services in the EU: the customer accounts for the VAT, the PDF says so.
  rate('eu-reverse-charge', 'EU', 'reverse_charge', 0, 'Reverse charge'),
  rate('ie-standard', 'IE', 'standard', 23_000, 'VAT 23%', '2012-01-01'),
  rate('ie-reduced', 'IE', 'reduced', 13_500, 'VAT 13.5%', '2021-03-01'),
  rate('ie-second-reduced', 'IE', 'reduced', 9_000, 'VAT 9%'),
  rate('de-standard', 'DE', 'standard', 19_000, 'USt 19%', '2021-01-01'),
  rate('de-reduced', 'DE', 'reduced', 7_000, 'USt 7%', '2021-01-01'),
  rate('fr-standard', 'FR', 'standard', 20_000, 'TVA 20%', '2014-01-01'),
  rate('fr-intermediate', 'FR', 'reduced', 10_000, 'TVA 10%', '2014-01-01'),
  rate('fr-reduced', 'FR', 'reduced', 5_500, 'TVA 5,5%', '2014-01-01'),
  rate('fr-super-reduced', 'FR', 'reduced', 2_100, 'TVA 2,1%'),
  rate('nl-standard', 'NL', 'standard', 21_000, 'btw 21%', '2012-10-01'),
  rate('nl-reduced', 'NL', 'reduced', 9_000, 'btw 9%', '2019-01-01'),
  rate('es-standard', 'ES', 'standard', 21_000, 'IVA 21%', '2012-09-01'),
  rate('es-reduced', 'ES', 'reduced', 10_000, 'IVA 10%', '2012-09-01'),
  rate('es-super-reduced', 'ES', 'reduced', 4_000, 'IVA 4%'),
  rate('se-standard', 'SE', 'standard', 25_000, 'Moms 25%'),
  rate('se-reduced', 'SE', 'reduced', 12_000, 'Moms 12%'),
  rate('se-second-reduced', 'SE', 'reduced', 6_000, 'Moms 6%'),
  rate('ca-gst', 'CA', 'standard', 5_000, 'GST 5%', '2008-01-01'),
  // Charged alongside GST on the same net price (both in the line's taxes), never on the GST.
  rate('ca-qc-qst', 'CA-QC', 'standard', 9_975, 'QST 9.975%', '2013-01-01'),
];

/** The rate as people write it: 20_000 -> "20%", 9_975 -> "9.975%", 5_500 -> "5.5%". */
export function formatRate(rateMilli: number): string {
  const whole = Math.trunc(rateMilli / 1000);
  const fraction = String(rateMilli % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}
