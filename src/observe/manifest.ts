// The public records Comity reads: path inside the data directory, checksum, and where each can be downloaded.
// Checksums are of the files as described in each dataset's SOURCE.md. `upstream` is the public URL named there
// (a commit-pinned raw GitHub URL); null where the file is a derived or transcribed copy with no byte-identical
// public original, which only a mirror of the data directory can supply (see fetch.ts). A test checks that each
// URL's repository and commit are the ones its SOURCE.md names; the paths were checked against an index of those
// public repositories (and the Travis County table's stored public copy matches the shared file byte for byte).
// Downloading itself is tested only against a local server: tests never touch the internet.

export interface DataFile {
  /** Path relative to the data directory, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  upstream: string | null;
}

const gh = (repo: string, commit: string, path: string): string =>
  `https://raw.githubusercontent.com/${repo}/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
const UWCHR_FOIA = (name: string): string =>
  gh('UWCHR/ice-enforce', '3569297085047694f204ed39045756f219f3de59', `us/import/frozen/${name}`);
const UWCHR_SHARE = (path: string): string => gh('UWCHR/ice-enforce', 'bdb224c216bc98216b5f09de32841817b623162d', path);
const SHERIFFS = (path: string): string => gh('austinbrian/sheriffs', '2e837a5c73917165b6ba1a1feafdbb8c2ca4913f', path);
const FOIA = 'ice-foia-2019-ICFO-53623';

export const DATA_FILES: readonly DataFile[] = [
  { path: 'census-population/co-est2019-alldata_subset.csv', sha256: 'a5bcf5350a996d430711515d01769bd4d9fc90775b3e0f47cfcef784ee935a1f', bytes: 426837, upstream: null },
  { path: 'geo/ddp_ice_areas_of_responsibility.csv', sha256: 'ff39762d461445dd23980fbb38f9f290b5e5b20a399c751e3a5105e9ef732aea', bytes: 20385, upstream: gh('deportationdata/ice-offices', '1915d7a7a5bf0c16a395102fc8140ad6cd8bc83e', 'inputs/ice-areas-of-responsibility.csv') },
  { path: 'geo/uwchr_aor_codes.yaml', sha256: '3fdcb47e0f6a5744c378a62f383816a0d52bb77aefc05c75de2950d5d9c05e7c', bytes: 410, upstream: UWCHR_SHARE('share/hand/aor_codes.yaml') },
  { path: 'geo/uwchr_aor_demog_indicators.csv', sha256: 'bc1b51e3d06b3e5fab0c27eca8cf3ec20489b2ecf5c51db828705071044e7f5f', bytes: 50020, upstream: UWCHR_SHARE('share/input/aor_demog_indicators.csv') },
  { path: 'geo/uwchr_aor_ero_field_office.csv', sha256: 'c2dda1fceda771d5c25d26b12137991693b49a35303233496df875857d202ab1', bytes: 2036, upstream: UWCHR_SHARE('share/hand/aor_ero_field_office.csv') },
  { path: 'geo/uwchr_county_aor.csv', sha256: '8a1f2bbba7541cec014d99a215b78627fa43cb37ae282c8d1fd171551eef4cbd', bytes: 142923, upstream: UWCHR_SHARE('share/hand/county_aor.csv') },
  { path: 'hifld-jails/county_local_jails_by_countyfips.csv', sha256: 'd6b91e753f42894f07a9322ef373bdbd78618df58965ebafa1d2919c314c626e', bytes: 58244, upstream: null },
  { path: 'hifld-jails/hifld_prison_boundaries_attributes.csv', sha256: 'c7be4394a15bf90ea59f09b04dc413f0e4ac00cafe01f6007cb40549b4c01626', bytes: 1053452, upstream: null },
  { path: 'ice-287g/ice_287g_participating_2025-01-04_wayback.csv', sha256: '94d508f25328f727a86ce0326d8df66d5485733218ae91de145a57041b589879', bytes: 25482, upstream: null },
  { path: 'ice-287g/ice_287g_participating_2026-05-18.csv', sha256: '2d6cc8c90c08470d2dad1775892a49923b70de15479446df27e27fe95cd4d009', bytes: 172977, upstream: null },
  { path: 'ice-287g/relevantresearch_287g_participating_tracked_2026-05-18.csv', sha256: '42d5e0ae7de3a44317da8c316e0e68f0712096c7df8a30192c6237f6272c2d2c', bytes: 315867, upstream: null },
  { path: `${FOIA}/EROArrests_FY2016.csv.gz`, sha256: '057a56ab5a32a4e870b2b3c671601e7f3f7f00b5202f0bcbb2aa37e3d5aee733', bytes: 1320141, upstream: UWCHR_FOIA('EROArrests_FY2016.csv.gz') },
  { path: `${FOIA}/EROArrests_FY2017.csv.gz`, sha256: '49379e477eb81aeb0df3c8c82eb1070cd169af1a7869a94518f4a996e67a7137', bytes: 1737498, upstream: UWCHR_FOIA('EROArrests_FY2017.csv.gz') },
  { path: `${FOIA}/EROArrests_FY2018.csv.gz`, sha256: '0fdc27a149d4460545b0f6ad2be3f40db41c1d6bc51a5866267513a0ad3091f2', bytes: 1920176, upstream: UWCHR_FOIA('EROArrests_FY2018.csv.gz') },
  { path: `${FOIA}/EROArrests_FY2019.csv.gz`, sha256: '94bd7703fec8b39a4996600e5dcd4d03be2009879c6f2f26e1417df980a751a1', bytes: 1592912, upstream: UWCHR_FOIA('EROArrests_FY2019.csv.gz') },
  { path: `${FOIA}/EROEncounters_FY2016.csv.gz`, sha256: '8a41fdd2756f7d4b1fa852096d9466b48163ccef0b5dd6ef67831820ff6bfe15', bytes: 3375536, upstream: UWCHR_FOIA('EROEncounters_FY2016.csv.gz') },
  { path: `${FOIA}/EROEncounters_FY2017.csv.gz`, sha256: 'eaaaaffa3c4b07b2cf7e7059996a47d43bea519a39e9dd4b7de58cabf3f33c8b', bytes: 3999612, upstream: UWCHR_FOIA('EROEncounters_FY2017.csv.gz') },
  { path: `${FOIA}/EROEncounters_FY2019.csv.gz`, sha256: '2da9f534f4818fddfeef922677607fcc20e2a4f63e0d1c9c5b0b9182ecabae6b', bytes: 3548773, upstream: UWCHR_FOIA('EROEncounters_FY2019.csv.gz') },
  { path: `${FOIA}/ICERemovals_FY2016.csv.gz`, sha256: 'd608a3e730b2f324a08f7bed52d773fa99574e57e658336c66ea58083351cb72', bytes: 1545033, upstream: UWCHR_FOIA('ICERemovals_FY2016.csv.gz') },
  { path: `${FOIA}/ICERemovals_FY2017.csv.gz`, sha256: '33bd12c68f77b675e169a76be203328d355e134d82f242b0bdf4a44ef41ca4ad', bytes: 1583361, upstream: UWCHR_FOIA('ICERemovals_FY2017.csv.gz') },
  { path: `${FOIA}/ICERemovals_FY2018.csv.gz`, sha256: '4deaeae95562201d05a067d4fca2989b695cffbf09840d2ed7adf326b8cefd84', bytes: 1804154, upstream: UWCHR_FOIA('ICERemovals_FY2018.csv.gz') },
  { path: `${FOIA}/ICERemovals_FY2019.csv.gz`, sha256: 'f9e6e13e7da1900884c3ddc4d51c5d7489617e7d2c3d00bc4d381a21cba85da4', bytes: 1721277, upstream: UWCHR_FOIA('ICERemovals_FY2019.csv.gz') },
  { path: 'pa-detainers/pa_detainers.csv', sha256: '50e4f3e3d94ff600d36e9d68817ece298713cf751c4d080145935fceae73f525', bytes: 2838451, upstream: gh('eads/geocode-pa-detainers', 'bbd824aadcddee2cece66fe8bf69e9e1aa717ed2', 'pa_detainers.csv') },
  { path: 'sanctuary-lists/cis_sanctuary_map_2017.csv', sha256: '8ae176c194a1ed86403c63514c4f371bbf3e649098c7d3ecf8ea485fce658027', bytes: 26266, upstream: SHERIFFS('data/Copy of Map- Sanctuary Cities, Counties and States.csv') },
  { path: 'sanctuary-lists/doj_sanctuary_jurisdictions_2025-08-05.csv', sha256: 'e22fb908262467a0d34b0f29caaac64af07e24ece3a6de7373d532c4e24799d0', bytes: 7447, upstream: null },
  { path: 'trac-arrests-county-monthly/trac_ice_arrests_county_month.csv', sha256: '968496602d78d0b2b833b6ca352ba4b79284a6ba488d64b88a566cafcff630a2', bytes: 2951118, upstream: null },
  { path: 'trac-detainers/trac_detainers_by_county_rollup_2017.csv', sha256: '6e54e7180f0dd929afe75968423216aa9148acea8e32a3001c4dba5e316695e1', bytes: 88601, upstream: SHERIFFS('data/county_rollup_ice_detainees.csv') },
  { path: 'trac-detainers/trac_detainers_by_facility_scraped_2017-06-28.csv', sha256: '3781ba06729c7d7792d36c0f6752bfdcd6ebfedba2bd322c15504d7e197ab5be', bytes: 436113, upstream: SHERIFFS('data/ice_detainees_28_Jun_2017.csv') },
  { path: 'travis-detainers/travis_county_ice_detainers_monthly.csv', sha256: '703bef6bb3af2698cc2083db31b2feef9949fb1355ec7c272bff484cab33a7f5', bytes: 1866, upstream: gh('statesman/ice-travis-county', '62fec51148bdedde06b31438153f1681309bde38', 'summary_table.csv') },
];

export function dataFile(path: string): DataFile | undefined {
  return DATA_FILES.find((f) => f.path === path);
}
