/**
 * Counties whose jails keep a different time than most of their state (49 CFR part 71, the U.S.
 * time-zone boundaries). Keyed by "<state>/<county OCD name>". Counties not listed use the state's zone;
 * a registered jurisdiction may also set its own timeZone in its index.yaml.
 */
export const COUNTY_TIME_ZONES: ReadonlyMap<string, string> = new Map([
  // Texas: the far-west counties keep Mountain time.
  ['tx/el_paso', 'America/Denver'], ['tx/hudspeth', 'America/Denver'],
  // Florida: the panhandle west of the Apalachicola River keeps Central time.
  ...['escambia', 'santa_rosa', 'okaloosa', 'walton', 'holmes', 'washington', 'bay', 'jackson', 'calhoun']
    .map((c) => [`fl/${c}`, 'America/Chicago'] as [string, string]),
  // Tennessee: East Tennessee keeps Eastern time.
  ...['knox', 'hamilton', 'sullivan', 'washington', 'blount', 'sevier', 'bradley', 'anderson', 'carter', 'greene',
    'hamblen', 'jefferson', 'loudon', 'mcminn', 'monroe', 'roane', 'cocke', 'campbell', 'claiborne', 'grainger',
    'hancock', 'hawkins', 'johnson', 'unicoi', 'union', 'meigs', 'polk', 'rhea', 'scott', 'morgan']
    .map((c) => [`tn/${c}`, 'America/New_York'] as [string, string]),
  // Oregon: most of Malheur County keeps Mountain time.
  ['or/malheur', 'America/Boise'],
  // Idaho: the panhandle keeps Pacific time.
  ...['boundary', 'bonner', 'kootenai', 'shoshone', 'benewah', 'latah', 'clearwater', 'nez_perce', 'lewis']
    .map((c) => [`id/${c}`, 'America/Los_Angeles'] as [string, string]),
  // Kentucky: the western half keeps Central time (largest counties listed).
  ...['warren', 'daviess', 'mccracken', 'christian', 'hopkins', 'henderson', 'barren', 'graves', 'calloway', 'muhlenberg']
    .map((c) => [`ky/${c}`, 'America/Chicago'] as [string, string]),
  // Michigan: four counties bordering Wisconsin keep Central time.
  ...['gogebic', 'iron', 'dickinson', 'menominee'].map((c) => [`mi/${c}`, 'America/Menominee'] as [string, string]),
  // Indiana: the northwest and southwest corners keep Central time.
  ...['lake', 'porter', 'laporte', 'newton', 'jasper', 'starke', 'vanderburgh', 'posey', 'warrick', 'spencer', 'perry', 'gibson']
    .map((c) => [`in/${c}`, 'America/Chicago'] as [string, string]),
  // Kansas, Nebraska, the Dakotas: western counties keep Mountain time.
  ...['sherman', 'wallace', 'greeley', 'hamilton'].map((c) => [`ks/${c}`, 'America/Denver'] as [string, string]),
  ...['scotts_bluff', 'box_butte', 'cheyenne', 'dawes', 'sheridan', 'kimball', 'keith', 'sioux', 'morrill', 'garden', 'deuel', 'banner', 'perkins', 'dundy', 'chase']
    .map((c) => [`ne/${c}`, 'America/Denver'] as [string, string]),
  ...['pennington', 'meade', 'lawrence', 'butte', 'fall_river', 'custer', 'oglala_lakota', 'harding', 'perkins']
    .map((c) => [`sd/${c}`, 'America/Denver'] as [string, string]),
  ...['stark', 'williams', 'mckenzie', 'dunn', 'billings', 'golden_valley', 'slope', 'bowman', 'adams', 'hettinger', 'grant']
    .map((c) => [`nd/${c}`, 'America/Denver'] as [string, string]),
  // Alaska: the Aleutians west of 169°30'W keep Hawaii–Aleutian time.
  ['ak/aleutians_west', 'America/Adak'],
]);
