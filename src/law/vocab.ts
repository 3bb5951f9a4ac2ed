/** The shared vocabulary of the decision contract, as plain constants and types (their zod enums: vocab-schema.ts). */

export const REQUEST_TYPES = [
  'HOLD', 'NOTIFY_RELEASE', 'TRANSFER', 'INTERVIEW', 'FACILITY_ACCESS', 'SHARE_STATUS_INFO',
  'SHARE_PERSONAL_INFO', 'STATUS_INQUIRY', 'SERVE_ADMIN_WARRANT', 'ENTER_287G', 'DETENTION_CONTRACT',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const AGENCY_KINDS = [
  'sheriff_jail', 'municipal_police', 'state_police', 'state_prison', 'probation', 'court_officers', 'school_police',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const MODELS_287G = ['JEM', 'WSO', 'TFM'] as const;
export type Model287g = (typeof MODELS_287G)[number];

export const DOCUMENTS = [
  'I-247', 'I-247A', 'I-247D', 'I-247N', 'I-247X', 'I-200', 'I-203', 'I-205', 'JUDICIAL_WARRANT', 'STATE_COURT_ORDER',
] as const;
export type DocumentType = (typeof DOCUMENTS)[number];

/** MUST: required. MAY: permitted, not required. NOT_REQUIRED: a duty lifted; act stays permitted. MUST_NOT: prohibited. */
export const MODALITIES = ['MUST', 'MAY', 'NOT_REQUIRED', 'MUST_NOT'] as const;
export type Modality = (typeof MODALITIES)[number];

export const OFFENSE_LEVELS = ['felony', 'misdemeanor', 'infraction'] as const;
export type OffenseLevel = (typeof OFFENSE_LEVELS)[number];

export const CHARGE_STAGES = ['arrested', 'charged', 'held_to_answer', 'indicted'] as const;
export type ChargeStage = (typeof CHARGE_STAGES)[number];

export const REGISTRANTS = ['sex_offender', 'arson'] as const;
export type Registrant = (typeof REGISTRANTS)[number];

/** Levels of government, most general first: the order in which the engine layers the law. */
export const LEVELS = ['federal', 'state', 'county', 'place', 'agency'] as const;
export type Level = (typeof LEVELS)[number];

export const DISCLAIMER =
  'Comity gives information about the law, not legal advice. Check the cited provisions and consult counsel before acting.';
