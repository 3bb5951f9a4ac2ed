// The public records Comity reads: path inside the data directory, checksum, and where each comes from.
// Checksums are of the files as described in each dataset's SOURCE.md. Every file has an origin the program can
// use without a copy of the data directory:
// - upstream: a commit-pinned raw GitHub URL of a byte-identical copy, named (with its commit) in the dataset's
//   SOURCE.md or in docs/observatory.md; a test checks that;
// - derived: the public original(s) the file was made from (commit-pinned URLs, each with its own checksum) and
//   the derivation in src/observe/derive that rebuilds the file byte for byte; tests rebuild every derived file
//   from its originals and compare checksums when the originals are at hand (COMITY_ORIGINALS);
// - bundled: a small transcription of a public document kept in this repository (reference/), with its source;
// - none: no public origin was found; only a mirror of the data directory can supply the file.
// Downloading itself is tested only against a local server: tests never touch the internet.
import type { DerivationName } from './derive/index.js';

/** A public original a derived file is made from. */
export interface Original {
  url: string;
  sha256: string;
  bytes: number;
}

export type Origin =
  | { kind: 'upstream'; url: string }
  | { kind: 'derived'; from: readonly Original[]; with: DerivationName }
  | { kind: 'bundled'; path: string }
  | { kind: 'none'; why: string };

export interface DataFile {
  /** Path relative to the data directory, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  origin: Origin;
}

const gh = (repo: string, commit: string, path: string): string =>
  `https://raw.githubusercontent.com/${repo}/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
const UWCHR_FOIA = (name: string): string =>
  gh('UWCHR/ice-enforce', '3569297085047694f204ed39045756f219f3de59', `us/import/frozen/${name}`);
const UWCHR_SHARE = (path: string): string => gh('UWCHR/ice-enforce', 'bdb224c216bc98216b5f09de32841817b623162d', path);
const SHERIFFS = (path: string): string => gh('austinbrian/sheriffs', '2e837a5c73917165b6ba1a1feafdbb8c2ca4913f', path);
const FOIA = 'ice-foia-2019-ICFO-53623';

const up = (url: string): Origin => ({ kind: 'upstream', url });
const derived = (w: DerivationName, ...from: Original[]): Origin => ({ kind: 'derived', from, with: w });

// HIFLD Prison Boundaries, the zipped shapefile as deportationdata/ice-detention-facilities keeps it (the .dbf
// beside it there is a Git LFS pointer; the zip is a plain blob).
const HIFLD_SHAPEFILE: Original = {
  url: gh('deportationdata/ice-detention-facilities', '48ee1e4a664529a475f9f84505f614b10d292e6c', 'inputs/prison-boundaries-1-shapefile/prison-boundaries-1-shapefile.zip'),
  sha256: 'dcb5fba983da67b1109594797c14959853ced64dcd08c41389e70ba5a220d654',
  bytes: 2038440,
};
const RR_287G = (path: string, sha256: string, bytes: number): Original => ({ url: gh('RelevantResearch/287g-DetentionData', '4f9d1c35b402db277e61c03bc85f8230713c4f3b', path), sha256, bytes });
// The Census Bureau's co-est2019-alldata.csv (Vintage 2019 county estimates; Latin-1, CRLF), as committed to a
// public repository in April 2020. docs/observatory.md names it and a second copy re-saved as UTF-8.
const CENSUS_CO_EST2019: Original = {
  url: gh('meredithb3/Covid-Data-Challenge', '9f9df18036eca73d5b092f7a757e2e6ac21ae5f1', 'co-est2019-alldata.csv'),
  sha256: '654032fbb805bc9a7c124ba04ad47e170f5d9dc9d4974a73edfc20598fde77d8',
  bytes: 3644730,
};
// Counts from TRAC's ICE Arrests tool, one column per county area and one row per month, as committed to
// github.com/camilodoa/ai-melts-ice (back/src/data.csv; the commit is on the repository's pull-request refs).
const TRAC_COUNTY_MONTH: Original = {
  url: gh('camilodoa/ai-melts-ice', 'f9a030b408480e2c4495a143c3555be608abd7e5', 'back/src/data.csv'),
  sha256: 'fa4dcb58cc6183cdaf9e2536b5239364f14b1cc4d24e1fc4627d062d5df7fbd7',
  bytes: 223443,
};
const DDP_AGG = (commit: string, name: string): string => gh('markusstrasser/immigration-research', commit, `infra/immigration-fiscal/enforcement_rents_2025_2026_09_27/derived/${name}`);
const ICE_DETENTION = (name: string): string => gh('CarwilB/ice-detention', 'd4dc30aa135ccc29e0904d737fe7dacabe083862', `data/ice/${name}`);

export const DATA_FILES: readonly DataFile[] = [
  { path: 'census-population/co-est2019-alldata_subset.csv', sha256: 'a5bcf5350a996d430711515d01769bd4d9fc90775b3e0f47cfcef784ee935a1f', bytes: 426837, origin: derived('census-subset', CENSUS_CO_EST2019) },
  { path: 'ddp-arrests-aggregates/LICENSE-MIT.txt', sha256: '41ddd178ddbf45e6755a2738031f5a6f672a3bf9b121df320cd7e2440b38bc1a', bytes: 1072, origin: up(gh('markusstrasser/immigration-research', '761d24823e7b1aaddec94b00ae85dd02a9fd567e', 'LICENSE')) },
  { path: 'ddp-arrests-aggregates/aor_arrests.csv', sha256: 'ba41de310734bbaed33c5503b7260fb20bf6791a6391e4991321cc7d214edb55', bytes: 3713, origin: up(DDP_AGG('ffba86d8abc3663de87d54445fc72b23fac6a2b5', 'aor_arrests.csv')) },
  { path: 'ddp-arrests-aggregates/arrests_monthly_texas.csv', sha256: '4a704909cf241eb14cce721ddd82510d8178536dcf1cea8ec0512b07b9c889ac', bytes: 1773, origin: up(DDP_AGG('eb651200c4a4e005b85dfdd088c7d0e952189471', 'arrests_monthly_texas.csv')) },
  { path: 'ddp-arrests-aggregates/state_arrests.csv', sha256: 'f1b217832d72a0edfb6f3f5e652c9fa2a3b2aa0aa825a51ec29679cb7b757d88', bytes: 7370, origin: up(DDP_AGG('eb651200c4a4e005b85dfdd088c7d0e952189471', 'state_arrests.csv')) },
  { path: 'geo/ddp_ice_areas_of_responsibility.csv', sha256: 'ff39762d461445dd23980fbb38f9f290b5e5b20a399c751e3a5105e9ef732aea', bytes: 20385, origin: up(gh('deportationdata/ice-offices', '1915d7a7a5bf0c16a395102fc8140ad6cd8bc83e', 'inputs/ice-areas-of-responsibility.csv')) },
  { path: 'geo/uwchr_aor_codes.yaml', sha256: '3fdcb47e0f6a5744c378a62f383816a0d52bb77aefc05c75de2950d5d9c05e7c', bytes: 410, origin: up(UWCHR_SHARE('share/hand/aor_codes.yaml')) },
  { path: 'geo/uwchr_aor_demog_indicators.csv', sha256: 'bc1b51e3d06b3e5fab0c27eca8cf3ec20489b2ecf5c51db828705071044e7f5f', bytes: 50020, origin: up(UWCHR_SHARE('share/input/aor_demog_indicators.csv')) },
  { path: 'geo/uwchr_aor_ero_field_office.csv', sha256: 'c2dda1fceda771d5c25d26b12137991693b49a35303233496df875857d202ab1', bytes: 2036, origin: up(UWCHR_SHARE('share/hand/aor_ero_field_office.csv')) },
  { path: 'geo/uwchr_county_aor.csv', sha256: '8a1f2bbba7541cec014d99a215b78627fa43cb37ae282c8d1fd171551eef4cbd', bytes: 142923, origin: up(UWCHR_SHARE('share/hand/county_aor.csv')) },
  { path: 'hifld-jails/county_local_jails_by_countyfips.csv', sha256: 'd6b91e753f42894f07a9322ef373bdbd78618df58965ebafa1d2919c314c626e', bytes: 58244, origin: derived('hifld-county-jails', HIFLD_SHAPEFILE) },
  { path: 'hifld-jails/hifld_prison_boundaries_attributes.csv', sha256: 'c7be4394a15bf90ea59f09b04dc413f0e4ac00cafe01f6007cb40549b4c01626', bytes: 1053452, origin: derived('hifld-attributes', HIFLD_SHAPEFILE) },
  { path: 'ice-287g/ice_287g_participating_2025-01-04_wayback.csv', sha256: '94d508f25328f727a86ce0326d8df66d5485733218ae91de145a57041b589879', bytes: 25482, origin: derived('ice-287g-wayback', RR_287G('After 1st jan/before feb 20/ParticipatingEntities-20250104041613.xlsx', '189737e2a35db9119967b1d5f56651bf71580ef089751be6d598879edad793e6', 10233)) },
  { path: 'ice-287g/ice_287g_participating_2026-05-18.csv', sha256: '2d6cc8c90c08470d2dad1775892a49923b70de15479446df27e27fe95cd4d009', bytes: 172977, origin: derived('ice-287g-participating', RR_287G('participatingAgencies/participatingAgencies05182026am.xlsx', 'f2d0629e4a4c7f4557d90c74998be7fec37738cd2ca35de36b0b749ca25d04e0', 231759)) },
  { path: 'ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv', sha256: '42d5e0ae7de3a44317da8c316e0e68f0712096c7df8a30192c6237f6272c2d2c', bytes: 315867, origin: derived('ice-287g-tracked', RR_287G('Monitor/CleanParticipatingAgencies/Total-participatingAgencies05182026am.xlsx', '16d728abb7cf16ea1bc245b90aa81ab02663ce9f00d497fde732d637f5bfee2b', 204217)) },
  { path: 'ice-detention-stats/FY19-detentionstats.xlsx', sha256: '35b0eaf280d5df061b19e23520dfbb436325c3c4e70b72e37b1deb39df532beb', bytes: 131940, origin: up(ICE_DETENTION('FY19-detentionstats.xlsx')) },
  { path: 'ice-detention-stats/FY20-detentionstats.xlsx', sha256: '2c30cee5f1cd4b26ab1aa8c9ddf3e23b7e12929a201e0d1841f755c078d26067', bytes: 135598, origin: up(ICE_DETENTION('FY20-detentionstats.xlsx')) },
  { path: 'ice-detention-stats/FY21-detentionstats.xlsx', sha256: '66ce2cc482f72082c626eab08f45b8686c5ab3d7c6b8d758cc2bd6b3fcecc697', bytes: 133697, origin: up(ICE_DETENTION('FY21-detentionstats.xlsx')) },
  { path: 'ice-detention-stats/FY22-detentionStats.xlsx', sha256: 'b29a5d4a48221c839c18370baece46cf4b89a3c3dd84c173f7f145f627cf9e82', bytes: 195925, origin: up(ICE_DETENTION('FY22-detentionStats.xlsx')) },
  { path: 'ice-detention-stats/FY23_detentionStats.xlsx', sha256: '12185efdb1215b9e3242c9f4f4eda5b856ce3fd4978917d105e1a4edf4226129', bytes: 234070, origin: up(ICE_DETENTION('FY23_detentionStats.xlsx')) },
  { path: 'ice-detention-stats/FY24_detentionStats.xlsx', sha256: 'a177b8bdfe5eb391ed458ed84de810146a019cb25898387c27178357e20b7e30', bytes: 242258, origin: up(ICE_DETENTION('FY24_detentionStats.xlsx')) },
  { path: 'ice-detention-stats/FY25_detentionStats09242025.xlsx', sha256: '3b9e2d626b1e249b2c87539554758333b27bc0da64a37e5dac99944a210c0782', bytes: 1566719, origin: up(ICE_DETENTION('FY25_detentionStats09242025.xlsx')) },
  { path: 'ice-detention-stats/FY26_detentionStats_04092026.xlsx', sha256: 'bbf3a29014d686f7eccce397804c9fdba7d2bf9b5fcea0180bc98443ffd4fbed', bytes: 248450, origin: up(ICE_DETENTION('FY26_detentionStats_04092026.xlsx')) },
  { path: `${FOIA}/EROArrests_FY2016.csv.gz`, sha256: '057a56ab5a32a4e870b2b3c671601e7f3f7f00b5202f0bcbb2aa37e3d5aee733', bytes: 1320141, origin: up(UWCHR_FOIA('EROArrests_FY2016.csv.gz')) },
  { path: `${FOIA}/EROArrests_FY2017.csv.gz`, sha256: '49379e477eb81aeb0df3c8c82eb1070cd169af1a7869a94518f4a996e67a7137', bytes: 1737498, origin: up(UWCHR_FOIA('EROArrests_FY2017.csv.gz')) },
  { path: `${FOIA}/EROArrests_FY2018.csv.gz`, sha256: '0fdc27a149d4460545b0f6ad2be3f40db41c1d6bc51a5866267513a0ad3091f2', bytes: 1920176, origin: up(UWCHR_FOIA('EROArrests_FY2018.csv.gz')) },
  { path: `${FOIA}/EROArrests_FY2019.csv.gz`, sha256: '94bd7703fec8b39a4996600e5dcd4d03be2009879c6f2f26e1417df980a751a1', bytes: 1592912, origin: up(UWCHR_FOIA('EROArrests_FY2019.csv.gz')) },
  { path: `${FOIA}/EROEncounters_FY2016.csv.gz`, sha256: '8a41fdd2756f7d4b1fa852096d9466b48163ccef0b5dd6ef67831820ff6bfe15', bytes: 3375536, origin: up(UWCHR_FOIA('EROEncounters_FY2016.csv.gz')) },
  { path: `${FOIA}/EROEncounters_FY2017.csv.gz`, sha256: 'eaaaaffa3c4b07b2cf7e7059996a47d43bea519a39e9dd4b7de58cabf3f33c8b', bytes: 3999612, origin: up(UWCHR_FOIA('EROEncounters_FY2017.csv.gz')) },
  { path: `${FOIA}/EROEncounters_FY2019.csv.gz`, sha256: '2da9f534f4818fddfeef922677607fcc20e2a4f63e0d1c9c5b0b9182ecabae6b', bytes: 3548773, origin: up(UWCHR_FOIA('EROEncounters_FY2019.csv.gz')) },
  { path: `${FOIA}/ICERemovals_FY2016.csv.gz`, sha256: 'd608a3e730b2f324a08f7bed52d773fa99574e57e658336c66ea58083351cb72', bytes: 1545033, origin: up(UWCHR_FOIA('ICERemovals_FY2016.csv.gz')) },
  { path: `${FOIA}/ICERemovals_FY2017.csv.gz`, sha256: '33bd12c68f77b675e169a76be203328d355e134d82f242b0bdf4a44ef41ca4ad', bytes: 1583361, origin: up(UWCHR_FOIA('ICERemovals_FY2017.csv.gz')) },
  { path: `${FOIA}/ICERemovals_FY2018.csv.gz`, sha256: '4deaeae95562201d05a067d4fca2989b695cffbf09840d2ed7adf326b8cefd84', bytes: 1804154, origin: up(UWCHR_FOIA('ICERemovals_FY2018.csv.gz')) },
  { path: `${FOIA}/ICERemovals_FY2019.csv.gz`, sha256: 'f9e6e13e7da1900884c3ddc4d51c5d7489617e7d2c3d00bc4d381a21cba85da4', bytes: 1721277, origin: up(UWCHR_FOIA('ICERemovals_FY2019.csv.gz')) },
  { path: 'pa-detainers/pa_detainers.csv', sha256: '50e4f3e3d94ff600d36e9d68817ece298713cf751c4d080145935fceae73f525', bytes: 2838451, origin: up(gh('eads/geocode-pa-detainers', 'bbd824aadcddee2cece66fe8bf69e9e1aa717ed2', 'pa_detainers.csv')) },
  { path: 'sanctuary-lists/cis_sanctuary_map_2017.csv', sha256: '8ae176c194a1ed86403c63514c4f371bbf3e649098c7d3ecf8ea485fce658027', bytes: 26266, origin: up(SHERIFFS('data/Copy of Map- Sanctuary Cities, Counties and States.csv')) },
  { path: 'sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv', sha256: 'e22fb908262467a0d34b0f29caaac64af07e24ece3a6de7373d532c4e24799d0', bytes: 7447, origin: { kind: 'bundled', path: 'reference/sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv' } },
  { path: 'trac-arrests-county-monthly/trac_ice_arrests_county_month.csv', sha256: '968496602d78d0b2b833b6ca352ba4b79284a6ba488d64b88a566cafcff630a2', bytes: 2951118, origin: derived('trac-county-month', TRAC_COUNTY_MONTH) },
  { path: 'trac-detainers/trac_detainers_by_county_rollup_2017.csv', sha256: '6e54e7180f0dd929afe75968423216aa9148acea8e32a3001c4dba5e316695e1', bytes: 88601, origin: up(SHERIFFS('data/county_rollup_ice_detainees.csv')) },
  { path: 'trac-detainers/trac_detainers_by_facility_scraped_2017-06-28.csv', sha256: '3781ba06729c7d7792d36c0f6752bfdcd6ebfedba2bd322c15504d7e197ab5be', bytes: 436113, origin: up(SHERIFFS('data/ice_detainees_28_Jun_2017.csv')) },
  { path: 'travis-detainers/travis_county_ice_detainers_monthly.csv', sha256: '703bef6bb3af2698cc2083db31b2feef9949fb1355ec7c272bff484cab33a7f5', bytes: 1866, origin: up(gh('statesman/ice-travis-county', '62fec51148bdedde06b31438153f1681309bde38', 'summary_table.csv')) },
];

export function dataFile(path: string): DataFile | undefined {
  return DATA_FILES.find((f) => f.path === path);
}
