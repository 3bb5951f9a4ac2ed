/** The simulator's public API. */
export { simulate, prepareScenario, defaultCalibration, DEFAULT_CALIBRATION, type SimulateOptions, type SimulationResult } from './simulate.js';
export { compareScenarios, type Comparison, type Difference } from './compare.js';
export { calibrate, FIT, FIT_WINDOW, FIT_METHOD, FIT_OBJECTIVE, type FitSpec } from './calibrate.js';
export { readCalibration, writeCalibration, CalibrationFile, CalibrationError, CALIBRATION_VERSION } from './calibration-file.js';
export { Scenario, type ScenarioInput, PolicyOverlay, SurgeSpec } from './scenario-schema.js';
export { readScenario, parseScenario, scenarioFromObject, ScenarioError } from './scenario-file.js';
export { shippedScenarios, scenariosDir, type ShippedScenario } from './shipped-scenarios.js';
export { ScenarioInputError } from './prepare.js';
export { OverlayError, overlayRegistry, scenarioEngine } from './overlays.js';
export { PARAMETERS, type Param, type ParameterName } from './parameters.js';
export { CLASSES, type CrimClass } from './classes.js';
export { simulationCsv, CSV_TABLES, type CsvTable } from './csv.js';
export type { Interval } from './intervals.js';
export type { SimulationSummary, AorMonthRow, Totals, CountyRow, CountyMonthRow } from './results.js';
export { SimulationJobs, DEFAULT_JOB_LIMITS, type SimulationJob, type JobStatus, type JobLimits } from './jobs.js';
export { runReplications, defaultThreads, SimulationAborted, type RunOptions } from './parallel.js';
export { validate, validateFy2019, validateFy2019CapacityInput, validateRecent, validateHausman, TARGETS as VALIDATION_TARGETS, VALIDATION_DOC, type ValidationReport, type ValidateOptions } from './validate.js';
export { validationMarkdown } from './validation-report.js';
