/**
 * Country and subdivision codes Polar validates addresses against (`polar/kit/address.py`): outputs may hold any
 * ISO 3166-1 alpha-2 code, inputs refuse the five under US trade embargo.
 */
const ALL_COUNTRY_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD ' +
  'CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF ' +
  'GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI ' +
  'SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW';

const EMBARGOED = new Set(['CU', 'IR', 'KP', 'SY', 'RU']);

/** Countries accepted in `AddressInput.country`, sorted as Polar lists them in its enum error message. */
export const POLAR_INPUT_COUNTRIES: readonly string[] = ALL_COUNTRY_CODES.split(' ').filter((code) => !EMBARGOED.has(code));
const INPUT_COUNTRY_SET = new Set(POLAR_INPUT_COUNTRIES);

export function isPolarInputCountry(code: string): boolean {
  return INPUT_COUNTRY_SET.has(code);
}

const US_STATES = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC ' +
    'SD TN TX UT VT VA WA WV WI WY DC').split(' ').map((code) => `US-${code}`),
);
const CA_SUBDIVISIONS = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ').map((code) => `CA-${code}`));

/**
 * Polar prefixes US and CA states with the country (`CA` → `US-CA`) and rejects unknown ones; other countries keep
 * the state as given. Returns the stored state, or an error message as Polar words it.
 */
export function normalizePolarState(country: string, state: string): { state: string } | { error: string } {
  if (country !== 'US' && country !== 'CA') return { state };
  const prefixed = state.startsWith(`${country}-`) ? state : `${country}-${state}`;
  if (country === 'US' && !US_STATES.has(prefixed)) return { error: 'Invalid US state' };
  if (country === 'CA' && !CA_SUBDIVISIONS.has(prefixed)) return { error: 'Invalid CA subdivision' };
  return { state: prefixed };
}
