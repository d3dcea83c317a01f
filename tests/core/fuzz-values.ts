// Requests for the fuzz run, made from each channel's input JSON Schema (what the harness serves at GET /rpc): mostly
// values that look valid (so handlers run), mixed with boundaries, wrong types, huge strings, NUL, hostile paths and
// ids of records that exist, do not exist or are of another kind. Repeatable: every choice comes from one seeded rng.
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** What requests may point at: ids by kind (seeded records, grown by what the run creates) and paths. */
export interface FuzzWorld {
  ids: Map<string, string[]>;
  /** Real files the run picked with files.pick (readable by import, attach, .eml filing, calendar import). */
  pickedPaths: string[];
  /** Paths that must be refused: unpicked, relative, `..`, symlinked, a directory, NUL, a 300-byte name. */
  hostilePaths: string[];
  /** A loopback port nothing listens on, so an SMTP test fails at once instead of waiting on a stranger. */
  closedPort: number;
}

export type Rng = () => number;
/** One request's making: the rng, the world, and how often a value is broken on purpose (varies per request). */
interface Gen {
  rng: Rng;
  world: FuzzWorld;
  rate: number;
  /** The record kind a bare `id` names on this channel (contacts.get -> contact). */
  kind: string | null;
  /** How often an optional property is sent: few make valid requests likelier, many reach more combinations. */
  optional: number;
}

/** Which record kind a channel's domain is about: where a bare `id` points, and which pool its answers feed. */
export const KIND_OF_DOMAIN: Record<string, string> = {
  contacts: 'contact', companies: 'company', activities: 'activity', tasks: 'task', jobs: 'job', appointments: 'appointment',
  documents: 'document', templates: 'template', campaigns: 'campaign', segments: 'segment', emails: 'email', outbox: 'email',
};

const CONTROL_ONLY = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
const HUGE = 'x'.repeat(1_100_000);
const WEIRD_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\u202eevil', '😀'.repeat(50), '%s%n', "'; DROP TABLE contacts; --", '"quoted" AND OR NEAR(', '*', '^', 'NULL', '-0', '1e999', '../../etc/passwd', '=HYPERLINK("x")', '\r\n.\r\n', 'ä'.repeat(300)];
const WRONG_TYPES: (() => unknown)[] = [
  () => null, () => undefined, () => 0, () => -1, () => 1.5, () => NaN, () => Infinity, () => -Infinity, () => 2 ** 53 + 1, () => 1e308, () => -0,
  () => true, () => '', () => 'x', () => [], () => [null], () => ({}), () => ({ __proto__: { polluted: true } }), () => ({ constructor: 1 }),
  () => HUGE, () => `${HUGE}\u0000`, () => new Date(NaN), () => deepArray(200),
];

function deepArray(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Random canonical-looking uuids: v7 like ours, v4, the nil one, and one of another record kind. */
function randomUuid(rng: Rng, version = 7): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(rng, 0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-${version}${hex(3)}-${pick(rng, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** The kind of record a property names ("contactId" -> contact); unknown for a bare "id". */
function idKind(name: string): string | null {
  const m = /^(contact|company|activity|job|task|appointment|document|template|campaign|segment|import|export|stage|beforeId)/.exec(name);
  if (!m) return name === 'stage' || name === 'stageId' ? 'stage' : null;
  return m[1] === 'beforeId' ? 'job' : m[1]!;
}

function idFor(rng: Rng, world: FuzzWorld, name: string, channelKind: string | null): string {
  const r = rng();
  const kind = name === 'id' ? channelKind : idKind(name);
  const all = [...world.ids.values()].flat();
  if (r < 0.65) {
    const own = kind ? world.ids.get(kind) : all;
    if (own?.length) return pick(rng, own);
  }
  if (r < 0.8 && all.length) return pick(rng, all); // an id of another kind
  if (r < 0.95) return randomUuid(rng, pick(rng, [4, 7, 7]));
  return pick(rng, ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', randomUuid(rng).toUpperCase()]);
}

function isoDate(rng: Rng): string {
  const year = rng() < 0.8 ? int(rng, 2020, 2030) : pick(rng, [0, 1, 1969, 1970, 2038, 9999]);
  return `${String(year).padStart(4, '0')}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
}

function isoDateTime(rng: Rng): string {
  const time = `${String(int(rng, 0, 23)).padStart(2, '0')}:${pick(rng, ['00', '15', '30', '59'])}:${pick(rng, ['00', '59'])}${rng() < 0.2 ? '.999' : ''}`;
  return `${isoDate(rng)}T${time}${pick(rng, ['Z', 'Z', '+01:00', '-05:30', '+14:00', '-12:00'])}`;
}

const EMAILS = ['ann@example.com', 'bob.smith+crm@example.co.uk', 'x@y.zz', 'UPPER@EXAMPLE.COM', `${'a'.repeat(64)}@example.com`];

/** Values by property name where a pattern alone would rarely give a valid-looking one. */
function hinted(rng: Rng, world: FuzzWorld, name: string): string | undefined {
  switch (name) {
    case 'phone':
      return pick(rng, ['+44 7700 900123', '0113 496 0000', '(555) 010-9999 ext 12', '+1']);
    case 'currency':
    case 'defaultCurrency':
    case 'revenueCurrency':
      return pick(rng, ['GBP', 'usd', 'JPY', 'BHD', 'XYZ', 'EUR']);
    case 'host':
      return pick(rng, ['127.0.0.1', 'localhost', '[::1]']);
    case 'timeZone':
      return pick(rng, ['Europe/London', 'America/New_York', 'Asia/Kathmandu', 'UTC', 'Etc/GMT+12', 'Mars/Olympus']);
    case 'rule':
      return pick(rng, [
        'FREQ=DAILY;COUNT=5', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=WEEKLY;INTERVAL=99;BYDAY=MO,TU,WE,TH,FR,SA,SU', 'FREQ=SECONDLY',
        'FREQ=DAILY;UNTIL=99991231T000000Z', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=FORTNIGHTLY', 'FREQ=DAILY;BYHOUR=99', 'FREQ=DAILY;BYMONTHDAY=0', 'FREQ=DAILY;COUNT=abc', 'FREQ=MONTHLY;BYDAY=9XX',
      ]);
    case 'zoneDefinition':
      return 'BEGIN:VTIMEZONE\r\nTZID:Fuzz\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE';
    case 'month':
      return `${int(rng, 2020, 2030)}-${String(int(rng, 1, 12)).padStart(2, '0')}`;
    case 'birthday':
      return pick(rng, ['1980-02-29', '--02-29', '1984-02-29', '2000-01-01', '']);
    case 'website':
      return pick(rng, ['https://acme.example', 'acme.example', '']);
    case 'address':
    case 'fromAddress':
    case 'replyTo':
      return pick(rng, EMAILS);
    case 'exceptDates':
    case 'rdates':
    case 'occurrenceStart':
      return rng() < 0.5 ? isoDateTime(rng) : isoDate(rng);
    case 'path':
      return rng() < 0.6 && world.pickedPaths.length ? pick(rng, world.pickedPaths) : pick(rng, world.hostilePaths);
    case 'cursor':
      return pick(rng, ['', 'eyJ4IjoxfQ', '["a",1]', 'null', '0', randomUuid(rng), '2026-11-22T09:00:00.000Z|' + randomUuid(rng)]);
    case 'query':
      return pick(rng, ['ann', 'fix', '"', 'a*', 'NEAR(a b)', 'title:x', '-', '(', 'Émile', '']);
    default:
      return undefined;
  }
}

const patternPools = new Map<string, string[]>();
/** Strings matching a pattern, sampled once per pattern (fast-check's regex generator) and reused. */
function matching(rng: Rng, pattern: string): string | undefined {
  let pool = patternPools.get(pattern);
  if (!pool) {
    try {
      pool = fc.sample(fc.stringMatching(new RegExp(pattern)), { numRuns: 30, seed: pattern.length }).filter((s) => s.length < 500);
    } catch {
      pool = [];
    }
    patternPools.set(pattern, pool);
  }
  return pool.length ? pick(rng, pool) : undefined;
}

function randomText(rng: Rng, max: number): string {
  const r = rng();
  if (r < 0.5) return pick(rng, ['Ann', 'Acme Ltd', 'Kitchen refit', 'Émile Zoë', 'Call back Friday', '北京', 'O\'Brien & Sons', 'a, b; "c"']);
  if (r < 0.8) return Array.from({ length: int(rng, 1, Math.min(max, 40)) }, () => String.fromCharCode(int(rng, 0x20, 0x7e))).join('');
  return pick(rng, WEIRD_STRINGS);
}

function patternsOf(schema: JsonSchema): string[] {
  const own = schema.pattern ? [schema.pattern] : [];
  return [...own, ...(schema.allOf ?? []).flatMap((s) => (s.pattern ? [s.pattern] : []))].filter((p) => p !== CONTROL_ONLY);
}

function genString(g: Gen, schema: JsonSchema, name: string): string {
  const { rng, world } = g;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const r = rng();
  const k = g.rate;
  if (r < k) return 'x'.repeat(max + 1); // one past the limit
  if (r < 2 * k && max < 100_000) return 'y'.repeat(max); // at the limit
  if (r < 3 * k && min > 0) return 'z'.repeat(min - 1);
  if (r < 4 * k) return `${randomText(rng, max)}\u0000`;
  if (schema.format === 'uuid') return idFor(rng, world, name, g.kind);
  if (schema.format === 'date') return isoDate(rng);
  if (schema.format === 'date-time') return isoDateTime(rng);
  if (schema.format === 'email') return pick(rng, EMAILS);
  const hint = hinted(rng, world, name);
  if (hint !== undefined && rng() < 0.85) return hint;
  const patterns = patternsOf(schema);
  if (patterns.length && rng() < 0.9) {
    const value = matching(rng, patterns[0]!);
    if (value !== undefined) return value;
  }
  return randomText(rng, max);
}

function genNumber(rng: Rng, rate: number, schema: JsonSchema, integer: boolean): number {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const r = rng();
  if (r < 3 * rate) return pick(rng, [min, max, min - 1, max + 1, 0, -1, 2 ** 31, 2 ** 53 - 1, 2 ** 53 + 1, 1e21, Number.MAX_VALUE, Number.MIN_VALUE, -0]);
  if (r < 4 * rate && integer) return min + 0.5;
  const span = Math.min(max, min + 10_000) - min;
  const value = min + rng() * span;
  return integer ? Math.floor(value) : value;
}

/** A value for `schema`, usually within it; at `name` (the property it fills) when known. */
function generate(g: Gen, schema: JsonSchema, name = '', depth = 0): unknown {
  const { rng } = g;
  if (rng() < g.rate || depth > 8) return pick(rng, WRONG_TYPES)();
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return generate(g, pick(rng, options), name, depth + 1);
  if ('const' in schema) return schema.const;
  if (schema.enum) return rng() < g.rate ? `${String(pick(rng, schema.enum))}x` : pick(rng, schema.enum);
  const type = Array.isArray(schema.type) ? pick(rng, schema.type) : schema.type;
  switch (type) {
    case 'object':
      return genObject(g, schema, depth);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = schema.maxItems ?? 10;
      const r = rng();
      const k = g.rate;
      const length = r < k ? max + 1 : r < 2 * k ? Math.max(0, min - 1) : r < 3 * k ? max : int(rng, min, Math.min(max, min + 4));
      const item = () => (schema.items ? generate(g, schema.items, name, depth + 1) : randomText(rng, 20));
      if (length > 1000) return Array.from({ length }, ((one) => () => one)(item())); // a long list of one value
      return Array.from({ length }, item);
    }
    case 'string':
      return genString(g, schema, name);
    case 'integer':
      if (name === 'port' && rng() < 0.9) return g.world.closedPort; // never a stranger's server on loopback
      return genNumber(rng, g.rate, schema, true);
    case 'number':
      return genNumber(rng, g.rate, schema, false);
    case 'boolean':
      return rng() < 0.5;
    case 'null':
      return null;
    default:
      return pick(rng, WRONG_TYPES)(); // unrepresentable: anything at all
  }
}

/** Start and end fields: mostly made to agree (same form, end after start), so the handler behind them runs. */
const PAIRS = [['startsAt', 'endsAt'], ['from', 'to'], ['dayStart', 'dayEnd']] as const;

function later(rng: Rng, start: string): string {
  const days = pick(rng, [0, 1, 1, 7, 31, 400]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(start)) return isoDate(rng) > start && rng() < 0.2 ? isoDate(rng) : shiftDate(start, days || 1);
  const ms = Date.parse(start);
  return Number.isNaN(ms) ? start : new Date(ms + (days * 24 + pick(rng, [0, 1, 2])) * 3_600_000 + 1_800_000).toISOString();
}

function shiftDate(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

function genObject(g: Gen, schema: JsonSchema, depth: number): Record<string, unknown> {
  const { rng } = g;
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const include = required.has(key) ? rng() > g.rate / 2 : rng() < g.optional;
    if (include) out[key] = generate(g, child, key, depth + 1);
  }
  if (typeof schema.additionalProperties === 'object') {
    const count = int(rng, 0, 3);
    for (let i = 0; i < count; i++) {
      const key = schema.propertyNames ? String(generate(g, schema.propertyNames, 'id', depth + 1)) : randomText(rng, 20);
      out[key] = generate(g, schema.additionalProperties, key, depth + 1);
    }
  }
  for (const [start, end] of PAIRS) if (typeof out[start] === 'string' && typeof out[end] === 'string' && rng() < 0.8) out[end] = later(rng, out[start]);
  if (rng() < g.rate / 2) Object.defineProperty(out, pick(rng, ['extra', '__proto__', 'constructor', 'id']), { value: 1, enumerable: true, configurable: true, writable: true });
  return out;
}

/** One request for a channel: its input (rarely not even an object). */
export function request(rng: Rng, world: FuzzWorld, schema: JsonSchema, channel: string): unknown {
  const rate = pick(rng, [0, 0, 0.01, 0.03, 0.1]);
  if (rng() < rate / 2) return pick(rng, WRONG_TYPES)();
  return generate({ rng, world, rate, kind: KIND_OF_DOMAIN[channel.split('.')[0]!] ?? null, optional: pick(rng, [0.15, 0.3, 0.6]) }, schema);
}

/** A request as a short line for a report: huge strings and arrays summarised, NUL shown. */
export function describe(input: unknown): string {
  const text = JSON.stringify(input, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 120) return `<${value.length} chars: ${JSON.stringify(value.slice(0, 40))}…>`;
    if (Array.isArray(value) && value.length > 20) return `<array of ${value.length}>`;
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (value === undefined) return '<undefined>';
    return value;
  });
  return (text ?? String(input)).slice(0, 2000);
}
