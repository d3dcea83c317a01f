// The duplicate finder's two preferences, read from the settings table: the score a pair must reach to be shown
// ("duplicates.threshold", else DEFAULT_DUPLICATE_THRESHOLD) and the country of phone numbers written without one
// ("defaultCountry", two letters), used to show numbers in international form.
import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js/min';
import { DEFAULT_DUPLICATE_THRESHOLD } from '../../../shared/domain/duplicates';
import type { DB } from '../../db/schema';
import { getSetting } from '../../db/settings.repo';

export const THRESHOLD_SETTING = 'duplicates.threshold';
export const COUNTRY_SETTING = 'defaultCountry';

export async function duplicateThreshold(db: Kysely<DB>): Promise<number> {
  const value = Number(await getSetting(db, THRESHOLD_SETTING));
  return Number.isFinite(value) && value >= 0.3 && value <= 1 ? value : DEFAULT_DUPLICATE_THRESHOLD;
}

export async function defaultCountry(db: Kysely<DB>): Promise<CountryCode | undefined> {
  const value = await getSetting(db, COUNTRY_SETTING);
  return value && /^[A-Z]{2}$/.test(value) ? (value as CountryCode) : undefined;
}
