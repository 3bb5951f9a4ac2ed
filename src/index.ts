/**
 * Comity's public API. The law: decide() over the bundled registry, or createEngine() over
 * another. The observatory: load the public records and measure them (comity/observe).
 */
export {
  decide, createEngine, defaultEngine, Engine, RegistryError, loadRegistry, explain, listJurisdictions,
  DecisionRequest, formatProblem, DISCLAIMER, REQUEST_TYPES, AGENCY_KINDS, DOCUMENTS, MODALITIES, LEVELS,
} from './law/index.js';
export type {
  DecideResult, DecisionResponse, Decision, TraceEntry, RequestProblem, Registry, RegisteredProvision, LoadResult,
  FileProblem, JurisdictionSummary, RequestType, AgencyKind, Modality, DocumentType, Level,
} from './law/index.js';
export * as observe from './observe/index.js';
export * as simulate from './simulate/index.js';
