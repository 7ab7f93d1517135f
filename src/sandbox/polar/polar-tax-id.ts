/**
 * A small stand-in for Polar's `validate_tax_id` (python-stdnum per country): the formats of the countries the
 * seed people live in, returned as Polar stores them, `[number, format]`. Anything else is "Invalid tax ID.".
 */
const EU_VAT_COUNTRIES = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);

const NATIONAL_FORMATS: Record<string, { pattern: RegExp; format: string }[]> = {
  US: [{ pattern: /^\d{9}$/, format: 'us_ein' }],
  GB: [{ pattern: /^(GB)?(\d{9}|\d{12})$/, format: 'gb_vat' }],
  CA: [{ pattern: /^\d{9}$/, format: 'ca_bn' }],
  TH: [{ pattern: /^\d{13}$/, format: 'th_vat' }],
  JP: [{ pattern: /^\d{13}$/, format: 'jp_cn' }],
  SG: [{ pattern: /^(\d{8}|\d{9}|[TRS]\d{2}[A-Z]{2}\d{4})[A-Z]$/, format: 'sg_uen' }],
  BR: [
    { pattern: /^\d{14}$/, format: 'br_cnpj' },
    { pattern: /^\d{11}$/, format: 'br_cpf' },
  ],
  NG: [{ pattern: /^\d{8}-?\d{4}$/, format: 'ng_tin' }],
  AU: [{ pattern: /^\d{11}$/, format: 'au_abn' }],
  IN: [{ pattern: /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, format: 'in_gst' }],
};

export function validatePolarTaxId(value: string, country: string): [string, string] | null {
  const compact = value.replace(/[\s.\-/]/g, '').toUpperCase();
  if (EU_VAT_COUNTRIES.has(country)) {
    const prefix = country === 'GR' ? 'EL' : country;
    const number = compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;
    return /^[0-9A-Z]{8,12}$/.test(number) ? [`${prefix}${number}`, 'eu_vat'] : null;
  }
  for (const { pattern, format } of NATIONAL_FORMATS[country] ?? []) {
    if (pattern.test(compact)) return [format === 'gb_vat' && !compact.startsWith('GB') ? `GB${compact}` : compact, format];
  }
  return null;
}
