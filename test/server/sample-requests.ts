// Decision requests the server tests send: a standard detainer with an administrative warrant at a county jail.
const standard = (jurisdiction: string, at: string, releasedAt: string) => ({
  jurisdiction,
  agency: { kind: 'sheriff_jail' },
  at,
  requests: ['HOLD', 'NOTIFY_RELEASE'],
  documents: ['I-247A', 'I-200'],
  wouldBeReleasedAt: releasedAt,
});

/** Pennsylvania (state law only). */
export const PA_REQUEST = standard('ocd-division/country:us/state:pa', '2024-02-02T10:00:00-05:00', '2024-02-02T12:00:00-05:00');
/** Santa Clara County, California (county and state law). */
export const SANTA_CLARA_REQUEST = standard('ocd-division/country:us/state:ca/county:santa_clara', '2025-03-10T09:00:00-07:00', '2025-03-10T17:00:00-07:00');
