// Validation messages in the app's own words, for every schema field that does not carry its own: zod's defaults
// ("Too big: expected string to have <=200 characters", "Invalid input: expected number, received NaN") must never
// reach the window. Installed once for the whole process (main and renderer alike) by importing this module;
// contract.ts does, so nothing that validates a channel can run without it. Imports zod only.
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const UNITS: Record<string, [string, string]> = { string: ['character', 'characters'], array: ['item', 'items'], set: ['item', 'items'], file: ['byte', 'bytes'] };
const count = (n: number | bigint, origin: string) => {
  const [one, many] = UNITS[origin] ?? ['', ''];
  return `${Number(n).toLocaleString('en-GB')}${one ? ` ${Number(n) === 1 ? one : many}` : ''}`;
};

const TYPES: Record<string, string> = {
  string: 'Must be text', number: 'Must be a number', int: 'Must be a whole number', boolean: 'Must be yes or no', array: 'Must be a list',
  object: 'Must be a set of fields', date: 'Must be a date', bigint: 'Must be a whole number',
};

const FORMATS: Record<string, string> = {
  email: 'Not a valid email address', url: 'Not a valid web address', uuid: 'Not a valid id', guid: 'Not a valid id', datetime: 'Not a valid date and time',
  date: 'Not a valid date (year-month-day)', time: 'Not a valid time', e164: 'Not a valid phone number', currency_code: 'Not a valid currency',
};

/** The message for one issue; zod calls this only when the schema gives none of its own. */
export function appMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'Required' : (TYPES[issue.expected] ?? 'Not a valid value');
    case 'too_big': {
      const than = issue.inclusive === false ? 'less than' : 'at most';
      if (issue.origin === 'array' || issue.origin === 'set') return `No more than ${count(issue.maximum, issue.origin)}`;
      return `Must be ${issue.exact ? 'exactly' : than} ${count(issue.maximum, issue.origin)}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Required';
      if (issue.origin === 'array' || issue.origin === 'set') return `Add at least ${count(issue.minimum, issue.origin)}`;
      return `Must be ${issue.exact ? 'exactly' : issue.inclusive === false ? 'more than' : 'at least'} ${count(issue.minimum, issue.origin)}`;
    }
    case 'invalid_value': {
      const shown = issue.values.slice(0, 8).map(String);
      return shown.length === 1 ? `Must be ${shown[0]}` : `Must be one of: ${shown.join(', ')}${issue.values.length > 8 ? ', …' : ''}`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'Not in the right form';
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Not a field Rapport knows: ${issue.keys.slice(0, 5).join(', ')}`;
    default:
      return 'Not a valid value';
  }
}

z.config({ customError: appMessage });
