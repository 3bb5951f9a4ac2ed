/** The vocabulary as zod enums, for the schemas that validate requests and registry files. */
import { z } from 'zod';
import { AGENCY_KINDS, CHARGE_STAGES, DOCUMENTS, LEVELS, MODALITIES, MODELS_287G, OFFENSE_LEVELS, REGISTRANTS, REQUEST_TYPES } from './vocab.js';

export const RequestType = z.enum(REQUEST_TYPES);
export const AgencyKind = z.enum(AGENCY_KINDS);
export const Model287g = z.enum(MODELS_287G);
export const DocumentType = z.enum(DOCUMENTS);
export const Modality = z.enum(MODALITIES);
export const OffenseLevel = z.enum(OFFENSE_LEVELS);
export const ChargeStage = z.enum(CHARGE_STAGES);
export const Registrant = z.enum(REGISTRANTS);
export const Level = z.enum(LEVELS);
