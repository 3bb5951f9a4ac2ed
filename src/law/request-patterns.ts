/**
 * The patterns of the request's dates, shared by the zod schema (request-schema.ts) and the
 * precompiled check (request-validate.ts) without loading zod.
 */
// Month and day, with February 29 only in leap years (the years are listed in the year patterns).
const MD = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_1990_2100 = '(?:199[26]|20(?:[02468][048]|[13579][26]))';
const LEAP_1900_2100 = `(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))`;
const DATE_1990_2100 = `(?:(?:199\\d|20\\d\\d|2100)-${MD}|${LEAP_1990_2100}-02-29)`;
const DATE_1900_2100 = `(?:(?:19\\d\\d|20\\d\\d|2100)-${MD}|${LEAP_1900_2100}-02-29)`;
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

export const INSTANT_PATTERN = new RegExp(`^${DATE_1990_2100}T${TIME}$`);
export const OFFENSE_DATE_PATTERN = new RegExp(`^${DATE_1900_2100}$`);

/** What a jurisdiction may be called: an OCD id, a 5-digit county FIPS code, or a name such as "Santa Clara County, CA". */
export const JURISDICTION_MAX = 200;
