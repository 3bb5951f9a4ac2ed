/** The shared vocabulary of the decision contract (shared/contracts/decision-request.schema.json). */
import { z } from 'zod';

export const REQUEST_TYPES = [
  'HOLD', 'NOTIFY_RELEASE', 'TRANSFER', 'INTERVIEW', 'FACILITY_ACCESS', 'SHARE_STATUS_INFO',
  'SHARE_PERSONAL_INFO', 'STATUS_INQUIRY', 'SERVE_ADMIN_WARRANT', 'ENTER_287G', 'DETENTION_CONTRACT',
] as const;
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;

export const AGENCY_KINDS = [
  'sheriff_jail', 'municipal_police', 'state_police', 'state_prison', 'probation', 'court_officers', 'school_police',
] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const MODELS_287G = ['JEM', 'WSO', 'TFM'] as const;
export const Model287g = z.enum(MODELS_287G);
export type Model287g = z.infer<typeof Model287g>;

export const DOCUMENTS = [
  'I-247', 'I-247A', 'I-247D', 'I-247N', 'I-247X', 'I-200', 'I-203', 'I-205', 'JUDICIAL_WARRANT', 'STATE_COURT_ORDER',
] as const;
export const DocumentType = z.enum(DOCUMENTS);
export type DocumentType = z.infer<typeof DocumentType>;

/** MUST: required. MAY: permitted, not required. NOT_REQUIRED: a duty lifted; act stays permitted. MUST_NOT: prohibited. */
export const MODALITIES = ['MUST', 'MAY', 'NOT_REQUIRED', 'MUST_NOT'] as const;
export const Modality = z.enum(MODALITIES);
export type Modality = z.infer<typeof Modality>;

export const OFFENSE_LEVELS = ['felony', 'misdemeanor', 'infraction'] as const;
export const OffenseLevel = z.enum(OFFENSE_LEVELS);
export type OffenseLevel = z.infer<typeof OffenseLevel>;

export const CHARGE_STAGES = ['arrested', 'charged', 'held_to_answer', 'indicted'] as const;
export const ChargeStage = z.enum(CHARGE_STAGES);
export type ChargeStage = z.infer<typeof ChargeStage>;

export const REGISTRANTS = ['sex_offender', 'arson'] as const;
export const Registrant = z.enum(REGISTRANTS);

/** Levels of government, most general first: the order in which the engine layers the law. */
export const LEVELS = ['federal', 'state', 'county', 'place', 'agency'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const DISCLAIMER =
  'Comity gives information about the law, not legal advice. Check the cited provisions and consult counsel before acting.';
