/**
 * The states, the District of Columbia and the territories that Open Civic Data names under
 * country:us, with their FIPS codes and the time zone of most of their territory. A county's own
 * zone comes from the gazetteer (gazetteer/counties.tsv).
 */
export interface StateInfo { code: string; name: string; fips: string; timeZone: string; ocdType: 'state' | 'district' | 'territory' }

const S = (code: string, name: string, fips: string, timeZone: string, ocdType: StateInfo['ocdType'] = 'state'): StateInfo =>
  ({ code, name, fips, timeZone, ocdType });

export const STATES: readonly StateInfo[] = [
  S('al', 'Alabama', '01', 'America/Chicago'), S('ak', 'Alaska', '02', 'America/Anchorage'),
  S('az', 'Arizona', '04', 'America/Phoenix'), S('ar', 'Arkansas', '05', 'America/Chicago'),
  S('ca', 'California', '06', 'America/Los_Angeles'), S('co', 'Colorado', '08', 'America/Denver'),
  S('ct', 'Connecticut', '09', 'America/New_York'), S('de', 'Delaware', '10', 'America/New_York'),
  S('dc', 'District of Columbia', '11', 'America/New_York', 'district'), S('fl', 'Florida', '12', 'America/New_York'),
  S('ga', 'Georgia', '13', 'America/New_York'), S('hi', 'Hawaii', '15', 'Pacific/Honolulu'),
  S('id', 'Idaho', '16', 'America/Boise'), S('il', 'Illinois', '17', 'America/Chicago'),
  S('in', 'Indiana', '18', 'America/Indiana/Indianapolis'), S('ia', 'Iowa', '19', 'America/Chicago'),
  S('ks', 'Kansas', '20', 'America/Chicago'), S('ky', 'Kentucky', '21', 'America/New_York'),
  S('la', 'Louisiana', '22', 'America/Chicago'), S('me', 'Maine', '23', 'America/New_York'),
  S('md', 'Maryland', '24', 'America/New_York'), S('ma', 'Massachusetts', '25', 'America/New_York'),
  S('mi', 'Michigan', '26', 'America/Detroit'), S('mn', 'Minnesota', '27', 'America/Chicago'),
  S('ms', 'Mississippi', '28', 'America/Chicago'), S('mo', 'Missouri', '29', 'America/Chicago'),
  S('mt', 'Montana', '30', 'America/Denver'), S('ne', 'Nebraska', '31', 'America/Chicago'),
  S('nv', 'Nevada', '32', 'America/Los_Angeles'), S('nh', 'New Hampshire', '33', 'America/New_York'),
  S('nj', 'New Jersey', '34', 'America/New_York'), S('nm', 'New Mexico', '35', 'America/Denver'),
  S('ny', 'New York', '36', 'America/New_York'), S('nc', 'North Carolina', '37', 'America/New_York'),
  S('nd', 'North Dakota', '38', 'America/Chicago'), S('oh', 'Ohio', '39', 'America/New_York'),
  S('ok', 'Oklahoma', '40', 'America/Chicago'), S('or', 'Oregon', '41', 'America/Los_Angeles'),
  S('pa', 'Pennsylvania', '42', 'America/New_York'), S('ri', 'Rhode Island', '44', 'America/New_York'),
  S('sc', 'South Carolina', '45', 'America/New_York'), S('sd', 'South Dakota', '46', 'America/Chicago'),
  S('tn', 'Tennessee', '47', 'America/Chicago'), S('tx', 'Texas', '48', 'America/Chicago'),
  S('ut', 'Utah', '49', 'America/Denver'), S('vt', 'Vermont', '50', 'America/New_York'),
  S('va', 'Virginia', '51', 'America/New_York'), S('wa', 'Washington', '53', 'America/Los_Angeles'),
  S('wv', 'West Virginia', '54', 'America/New_York'), S('wi', 'Wisconsin', '55', 'America/Chicago'),
  S('wy', 'Wyoming', '56', 'America/Denver'),
  S('as', 'American Samoa', '60', 'Pacific/Pago_Pago', 'territory'), S('gu', 'Guam', '66', 'Pacific/Guam', 'territory'),
  S('mp', 'Northern Mariana Islands', '69', 'Pacific/Saipan', 'territory'), S('pr', 'Puerto Rico', '72', 'America/Puerto_Rico', 'territory'),
  S('vi', 'U.S. Virgin Islands', '78', 'America/St_Thomas', 'territory'),
];

export const STATE_BY_CODE: ReadonlyMap<string, StateInfo> = new Map(STATES.map((s) => [s.code, s]));
