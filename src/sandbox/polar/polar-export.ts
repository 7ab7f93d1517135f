import type { SandboxResponse } from '../shared/sandbox-http';
import type { PolarCustomerRecord, PolarMetadata } from './polar-types';

const COLUMNS = [
  'ID',
  'External ID',
  'Created At',
  'Email',
  'Name',
  'Tax ID',
  'Billing Address Line 1',
  'Billing Address Line 2',
  'Billing Address City',
  'Billing Address State',
  'Billing Address Zip',
  'Billing Address Country',
  'Metadata',
];

/** Python's `csv` writer: fields quoted only when they hold a comma, quote or line break; rows end in CRLF. */
function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Python's `json.dumps` defaults: `", "` and `": "` separators, non-ASCII escaped. */
function pythonJson(metadata: PolarMetadata): string {
  const entries = Object.entries(metadata).map(([key, value]) => `${JSON.stringify(key)}: ${typeof value === 'number' && Number.isInteger(value) ? String(value) : JSON.stringify(value)}`);
  return `{${entries.join(', ')}}`.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's `datetime.isoformat()` for a UTC instant. */
function pythonIsoformat(date: Date): string {
  const iso = date.toISOString();
  return date.getUTCMilliseconds() === 0 ? iso.replace('.000Z', '+00:00') : iso.replace('Z', '000+00:00');
}

function row(customer: PolarCustomerRecord): string {
  const address = customer.billingAddress;
  return [
    customer.id,
    customer.externalId,
    pythonIsoformat(customer.createdAt),
    customer.email,
    customer.name,
    customer.taxId?.[0] ?? null,
    address?.line1 ?? null,
    address?.line2 ?? null,
    address?.city ?? null,
    address?.state ?? null,
    address?.postal_code ?? null,
    address?.country ?? null,
    pythonJson(customer.metadata),
  ]
    .map(csvField)
    .join(',');
}

/** `GET /v1/customers/export`: every customer, oldest first (the order rows come out of the table), as a download. */
export function polarCustomersCsv(customers: readonly PolarCustomerRecord[]): SandboxResponse {
  const lines = [COLUMNS.join(',')];
  for (const customer of customers) lines.push(row(customer));
  return {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename=polar-customers.csv' },
    text: `${lines.join('\r\n')}\r\n`,
  };
}
