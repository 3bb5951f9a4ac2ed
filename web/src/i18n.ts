/**
 * The interface's words in English and Spanish. The law's own text, its citations and the engine's
 * explanations stay in English (they quote the sources); everything Comity itself says is here.
 */
import { useEffect, useState } from 'preact/hooks';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

const en = {
  skip: 'Skip to content',
  tagline: 'How ICE asks local jails for help, and how each jurisdiction answers under the law',
  navMap: 'Map',
  navDecide: 'Decision tester',
  navObservatory: 'Observatory',
  navClaims: 'Claims',
  langSwitch: 'Español',
  langSwitchLabel: 'Ver en español',
  disclaimer: 'Comity gives information about the law, not legal advice. Check the cited provisions and consult counsel before acting.',
  lawInEnglish: 'The law\'s own text and its citations are shown in English.',
  loading: 'Loading…',
  loadingRecords: 'Loading the records… the observatory\'s figures appear when the load is done.',
  error: 'Something went wrong',
  notFound: 'Page not found',
  notFoundBody: 'There is no page at this address.',
  backHome: 'Go to the map',
  routeMissing: 'This server does not offer this yet',
  // modalities
  MUST: 'Required',
  MAY: 'Permitted',
  NOT_REQUIRED: 'Not required',
  MUST_NOT: 'Prohibited',
  noData: 'No answer (county not matched)',
  meaningMUST: 'The law requires the jail to do what ICE asks.',
  meaningMAY: 'No law requires or forbids it: the jail may do it or decline (a detainer is a request).',
  meaningNOT_REQUIRED: 'A law lifts any duty to do it; doing it stays permitted.',
  meaningMUST_NOT: 'The law forbids the jail to do what ICE asks.',
  // request types
  HOLD: 'Hold past release (detainer)',
  NOTIFY_RELEASE: 'Notify ICE of release',
  TRANSFER: 'Transfer to ICE',
  INTERVIEW: 'ICE interview',
  FACILITY_ACCESS: 'Jail access for ICE',
  SHARE_STATUS_INFO: 'Share immigration status information',
  SHARE_PERSONAL_INFO: 'Share personal information',
  STATUS_INQUIRY: 'Ask about immigration status',
  SERVE_ADMIN_WARRANT: 'Serve an administrative warrant',
  ENTER_287G: 'Enter a 287(g) agreement',
  DETENTION_CONTRACT: 'Detention contract with ICE',
  // map
  mapTitle: 'The law in every county',
  mapIntro: 'Each county is colored by what the law says its jail must, may or must not do when ICE makes its usual request on the chosen date: the detainer form then in use, received at would-be release, with nothing said about the person.',
  mapRequest: 'Request',
  mapDate: 'Date',
  mapSlider: 'Move through time',
  mapPlay: 'Play 2013 → today',
  mapPause: 'Pause',
  mapLegend: 'What the colors mean in law',
  mapCounts: 'Counties',
  mapHoverHint: 'Point at a county (or tab to it) for its answer; select it for its page.',
  mapConfidence: 'Confidence',
  mapDecidedBy: 'Decided by',
  mapLayer287g: 'Show 287(g) agreements (outlined)',
  mapLayerDoj: 'Show counties on the DOJ 2025 list (dotted)',
  mapDojMissing: 'The DOJ 2025 list layer needs the loaded records.',
  mapTable: 'Counties whose answer differs from federal law alone',
  mapLoadingMap: 'Computing the map for this date…',
  mapCounty: 'County',
  mapAnswer: 'Answer',
  // tester
  testerTitle: 'Decision tester',
  testerIntro: 'Describe ICE\'s request and the person\'s record; Comity answers what the law allows, request by request, with the provisions that decide it.',
  fJurisdiction: 'Jurisdiction (county or city)',
  fJurisdictionHint: 'A name such as "Mecklenburg County, NC", a 5-digit county FIPS code, or an OCD id.',
  fAgency: 'Agency',
  fAt: 'Date and time of the decision (jail\'s local time)',
  fRequests: 'What ICE asks',
  fDocuments: 'Documents ICE sent',
  fTimes: 'Times (jail\'s local time)',
  fReceived: 'Detainer received',
  fBooked: 'Booked into the jail',
  fRelease: 'Would be released',
  fRecord: 'Record',
  fAddConviction: 'Add a conviction',
  fAddCharge: 'Add a pending charge',
  fRemove: 'Remove',
  fConviction: 'Conviction',
  fCharge: 'Charge',
  fOffenseDate: 'Date',
  fOffenseLevel: 'Level',
  fOffenseDesc: 'Description (optional)',
  fRegistrant: 'Registered as',
  fProof: 'Proof of lawful status shown',
  fConsent: 'Signed consent to an ICE interview',
  felony: 'felony',
  misdemeanor: 'misdemeanor',
  infraction: 'infraction',
  sex_offender: 'sex offender',
  arson: 'arson offender',
  sheriff_jail: 'Sheriff\'s jail',
  municipal_police: 'Municipal police',
  state_police: 'State police',
  state_prison: 'State prison',
  probation: 'Probation',
  court_officers: 'Court officers',
  school_police: 'School police',
  decide: 'Decide',
  deciding: 'Deciding…',
  share: 'Link to this request',
  copied: 'Link copied',
  printMemo: 'Print memo',
  result: 'Decision',
  resultFor: 'For',
  decisionDate: 'Decision date',
  holdUntil: 'Hold ends at the latest',
  holdNone: 'No hold is allowed',
  localTime: 'local time',
  duties: 'Duties',
  deadline: 'Deadline',
  citations: 'Citations',
  warnings: 'Warnings',
  missingFacts: 'Facts that would change this answer',
  noMissing: 'None: the request states every fact the deciding law reads.',
  explanation: 'Explanation (English, from the law engine)',
  confidence: 'Confidence',
  decidedBy: 'Decided by',
  level: 'Level',
  agreement287g: '287(g) agreements',
  none: 'none',
  notes: 'Notes',
  badRequest: 'The request needs correcting',
  jurisdictionPage: 'Jurisdiction page',
  // memo
  memoTitle: 'Memo for the jail\'s file',
  memoRequest: 'The request',
  memoPrepared: 'Prepared with Comity, registry',
  memoBack: 'Back to the tester',
  // jurisdiction
  jTitle: 'Jurisdiction',
  jToday: 'What the law says today',
  jLayers: 'The law, layer by layer',
  jLayersIntro: 'Every provision the engine considered for ICE\'s usual request today, from federal law down to the agency, and whether it applied.',
  jApplied: 'applies',
  jNotApplied: 'does not apply',
  jTimeline: 'Timeline of the answer',
  jTimelineIntro: 'The answer to ICE\'s usual request at the county jail on the first day of each year, and today.',
  j287g: '287(g) agreements',
  jLists: 'Published lists',
  jListsIntro: 'Whether the DOJ\'s 2025 list or the CIS 2017 table names this jurisdiction, beside the law registered here.',
  jNotListed: 'Not named on the DOJ 2025 list or the CIS 2017 table.',
  jObserved: 'Observed ICE arrests',
  jObservedIntro: 'ICE arrests placed in this county from the landmark text of the FY2016–FY2019 records (custodial vs at-large).',
  jNoObserved: 'No arrests are attributed to this county.',
  jTryDecide: 'Test a request here',
  jLaw: 'Law',
  jDate: 'Date',
  jFullRecordMissing: 'This server has no jurisdiction route (GET /api/v1/jurisdictions/{id}) yet: the page shows what the decision engine answers.',
  year: 'Year',
  // observatory
  obsTitle: 'Observatory',
  obsIntro: 'Measures from ICE\'s own released records, in aggregate. Each chart says how it is measured, what to keep in mind, and offers the numbers as CSV.',
  obsDefinition: 'Definition',
  obsCaveats: 'Caveats',
  obsCsv: 'Download CSV',
  obsAtLarge: 'At-large share of ICE arrests, nationally',
  obsDetention: 'ICE detention: average daily population by fiscal year (largest AORs)',
  obsDetainers: 'Detainers lodged at ICE encounters, by fiscal year',
  obsRemovals: 'Removals by ICE threat level, by fiscal year',
  obsTable: 'The figures',
  obsAtLargeArea: 'Custodial and at-large ICE arrests over time, by ICE area (AOR) or state',
  obsBy: 'Group by',
  obsAor: 'ICE area of responsibility (AOR)',
  obsState: 'State',
  // claims
  claimsTitle: 'Claims checked against the records',
  claimsIntro: 'Public statements about ICE and local jails, each measured against the records with the verdict, the figures and the caveats.',
  verdict: 'Verdict',
  claimant: 'Who said it',
  figures: 'Figures',
  reasoning: 'Reasoning',
  measured: 'measured',
  source: 'Source',
};

export type Key = keyof typeof en;

const es: Record<Key, string> = {
  skip: 'Saltar al contenido',
  tagline: 'Cómo ICE pide ayuda a las cárceles locales y cómo responde cada jurisdicción según la ley',
  navMap: 'Mapa',
  navDecide: 'Probador de decisiones',
  navObservatory: 'Observatorio',
  navClaims: 'Afirmaciones',
  langSwitch: 'English',
  langSwitchLabel: 'View in English',
  disclaimer: 'Comity ofrece información sobre la ley, no asesoría legal. Verifique las disposiciones citadas y consulte a un abogado antes de actuar.',
  lawInEnglish: 'El texto de la ley y sus citas se muestran en inglés.',
  loading: 'Cargando…',
  loadingRecords: 'Cargando los registros… las cifras del observatorio aparecen cuando termina la carga.',
  error: 'Algo salió mal',
  notFound: 'Página no encontrada',
  notFoundBody: 'No hay ninguna página en esta dirección.',
  backHome: 'Ir al mapa',
  routeMissing: 'Este servidor todavía no ofrece esto',
  MUST: 'Obligatorio',
  MAY: 'Permitido',
  NOT_REQUIRED: 'No obligatorio',
  MUST_NOT: 'Prohibido',
  noData: 'Sin respuesta (condado no identificado)',
  meaningMUST: 'La ley obliga a la cárcel a hacer lo que pide ICE.',
  meaningMAY: 'Ninguna ley lo exige ni lo prohíbe: la cárcel puede hacerlo o negarse (una orden de retención de ICE es una solicitud).',
  meaningNOT_REQUIRED: 'Una ley elimina la obligación de hacerlo; hacerlo sigue permitido.',
  meaningMUST_NOT: 'La ley prohíbe a la cárcel hacer lo que pide ICE.',
  HOLD: 'Retener después de la liberación (detainer)',
  NOTIFY_RELEASE: 'Avisar a ICE de la liberación',
  TRANSFER: 'Entregar a ICE',
  INTERVIEW: 'Entrevista de ICE',
  FACILITY_ACCESS: 'Acceso de ICE a la cárcel',
  SHARE_STATUS_INFO: 'Compartir información migratoria',
  SHARE_PERSONAL_INFO: 'Compartir información personal',
  STATUS_INQUIRY: 'Preguntar por el estatus migratorio',
  SERVE_ADMIN_WARRANT: 'Entregar una orden administrativa',
  ENTER_287G: 'Firmar un acuerdo 287(g)',
  DETENTION_CONTRACT: 'Contrato de detención con ICE',
  mapTitle: 'La ley en cada condado',
  mapIntro: 'Cada condado tiene el color de lo que la ley dice que su cárcel debe, puede o no debe hacer cuando ICE hace su solicitud habitual en la fecha elegida: el formulario de detainer vigente, recibido al momento de la liberación, sin datos sobre la persona.',
  mapRequest: 'Solicitud',
  mapDate: 'Fecha',
  mapSlider: 'Recorrer el tiempo',
  mapPlay: 'Reproducir 2013 → hoy',
  mapPause: 'Pausa',
  mapLegend: 'Qué significan los colores según la ley',
  mapCounts: 'Condados',
  mapHoverHint: 'Señale un condado (o llegue con el tabulador) para ver su respuesta; selecciónelo para ver su página.',
  mapConfidence: 'Confianza',
  mapDecidedBy: 'Decidido por',
  mapLayer287g: 'Mostrar acuerdos 287(g) (contorno)',
  mapLayerDoj: 'Mostrar condados de la lista del DOJ de 2025 (punteado)',
  mapDojMissing: 'La capa de la lista del DOJ de 2025 necesita los registros cargados.',
  mapTable: 'Condados cuya respuesta difiere de la sola ley federal',
  mapLoadingMap: 'Calculando el mapa para esta fecha…',
  mapCounty: 'Condado',
  mapAnswer: 'Respuesta',
  testerTitle: 'Probador de decisiones',
  testerIntro: 'Describa la solicitud de ICE y los antecedentes de la persona; Comity responde lo que la ley permite, solicitud por solicitud, con las disposiciones que lo deciden.',
  fJurisdiction: 'Jurisdicción (condado o ciudad)',
  fJurisdictionHint: 'Un nombre como "Mecklenburg County, NC", un código FIPS de condado de 5 dígitos o un id OCD.',
  fAgency: 'Agencia',
  fAt: 'Fecha y hora de la decisión (hora local de la cárcel)',
  fRequests: 'Lo que pide ICE',
  fDocuments: 'Documentos enviados por ICE',
  fTimes: 'Horas (hora local de la cárcel)',
  fReceived: 'Detainer recibido',
  fBooked: 'Ingreso en la cárcel',
  fRelease: 'Liberación prevista',
  fRecord: 'Antecedentes',
  fAddConviction: 'Añadir una condena',
  fAddCharge: 'Añadir un cargo pendiente',
  fRemove: 'Quitar',
  fConviction: 'Condena',
  fCharge: 'Cargo',
  fOffenseDate: 'Fecha',
  fOffenseLevel: 'Nivel',
  fOffenseDesc: 'Descripción (opcional)',
  fRegistrant: 'Registrado como',
  fProof: 'Mostró prueba de estatus legal',
  fConsent: 'Firmó consentimiento para la entrevista de ICE',
  felony: 'delito grave',
  misdemeanor: 'delito menor',
  infraction: 'infracción',
  sex_offender: 'delincuente sexual',
  arson: 'incendiario',
  sheriff_jail: 'Cárcel del alguacil',
  municipal_police: 'Policía municipal',
  state_police: 'Policía estatal',
  state_prison: 'Prisión estatal',
  probation: 'Libertad condicional',
  court_officers: 'Agentes judiciales',
  school_police: 'Policía escolar',
  decide: 'Decidir',
  deciding: 'Decidiendo…',
  share: 'Enlace a esta solicitud',
  copied: 'Enlace copiado',
  printMemo: 'Imprimir memorando',
  result: 'Decisión',
  resultFor: 'Para',
  decisionDate: 'Fecha de la decisión',
  holdUntil: 'La retención termina a más tardar',
  holdNone: 'No se permite la retención',
  localTime: 'hora local',
  duties: 'Obligaciones',
  deadline: 'Plazo',
  citations: 'Citas',
  warnings: 'Advertencias',
  missingFacts: 'Datos que cambiarían esta respuesta',
  noMissing: 'Ninguno: la solicitud indica todos los datos que lee la ley aplicable.',
  explanation: 'Explicación (en inglés, del motor legal)',
  confidence: 'Confianza',
  decidedBy: 'Decidido por',
  level: 'Nivel',
  agreement287g: 'Acuerdos 287(g)',
  none: 'ninguno',
  notes: 'Notas',
  badRequest: 'La solicitud necesita correcciones',
  jurisdictionPage: 'Página de la jurisdicción',
  memoTitle: 'Memorando para el expediente de la cárcel',
  memoRequest: 'La solicitud',
  memoPrepared: 'Preparado con Comity, registro',
  memoBack: 'Volver al probador',
  jTitle: 'Jurisdicción',
  jToday: 'Lo que dice la ley hoy',
  jLayers: 'La ley, capa por capa',
  jLayersIntro: 'Cada disposición que el motor consideró para la solicitud habitual de ICE hoy, desde la ley federal hasta la agencia, y si se aplicó.',
  jApplied: 'se aplica',
  jNotApplied: 'no se aplica',
  jTimeline: 'Cronología de la respuesta',
  jTimelineIntro: 'La respuesta a la solicitud habitual de ICE en la cárcel del condado el primer día de cada año, y hoy.',
  j287g: 'Acuerdos 287(g)',
  jLists: 'Listas publicadas',
  jListsIntro: 'Si la lista del DOJ de 2025 o la tabla del CIS de 2017 nombra esta jurisdicción, junto a la ley registrada aquí.',
  jNotListed: 'No aparece en la lista del DOJ de 2025 ni en la tabla del CIS de 2017.',
  jObserved: 'Arrestos de ICE observados',
  jObservedIntro: 'Arrestos de ICE ubicados en este condado según el texto del lugar en los registros de los años fiscales 2016–2019 (en custodia frente a en libertad).',
  jNoObserved: 'No hay arrestos atribuidos a este condado.',
  jTryDecide: 'Probar una solicitud aquí',
  jLaw: 'Ley',
  jDate: 'Fecha',
  jFullRecordMissing: 'Este servidor aún no tiene la ruta de jurisdicción (GET /api/v1/jurisdictions/{id}): la página muestra lo que responde el motor de decisiones.',
  year: 'Año',
  obsTitle: 'Observatorio',
  obsIntro: 'Medidas tomadas de los registros publicados por ICE, en conjunto. Cada gráfico explica cómo se mide, qué tener en cuenta y ofrece las cifras en CSV.',
  obsDefinition: 'Definición',
  obsCaveats: 'Advertencias',
  obsCsv: 'Descargar CSV',
  obsAtLarge: 'Proporción de arrestos de ICE en libertad (at-large), a nivel nacional',
  obsDetention: 'Detención de ICE: población diaria promedio por año fiscal (AOR más grandes)',
  obsDetainers: 'Detainers emitidos en encuentros de ICE, por año fiscal',
  obsRemovals: 'Deportaciones por nivel de amenaza de ICE, por año fiscal',
  obsTable: 'Las cifras',
  obsAtLargeArea: 'Arrestos de ICE en custodia y en libertad a lo largo del tiempo, por área de ICE (AOR) o estado',
  obsBy: 'Agrupar por',
  obsAor: 'Área de responsabilidad de ICE (AOR)',
  obsState: 'Estado',
  claimsTitle: 'Afirmaciones verificadas con los registros',
  claimsIntro: 'Declaraciones públicas sobre ICE y las cárceles locales, cada una medida con los registros, con el veredicto, las cifras y las advertencias.',
  verdict: 'Veredicto',
  claimant: 'Quién lo dijo',
  figures: 'Cifras',
  reasoning: 'Razonamiento',
  measured: 'medido',
  source: 'Fuente',
};

const DICTS: Record<Lang, Record<Key, string>> = { en, es };

const STORE = 'comity-lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORE);
    if (saved === 'en' || saved === 'es') return saved;
  } catch { /* storage may be unavailable */ }
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const l of langs) {
    const base = l.toLowerCase().slice(0, 2);
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}

let current: Lang = initialLang();
const listeners = new Set<(l: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  try { localStorage.setItem(STORE, l); } catch { /* ignore */ }
  document.documentElement.lang = l;
  for (const f of listeners) f(l);
}

/** The current language and its translator; re-renders when the language changes. */
export function useLang(): { lang: Lang; t: (k: Key) => string } {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return { lang, t: (k: Key) => DICTS[lang][k] };
}

/** A word in the current language, outside components. */
export function tr(k: Key, lang: Lang = current): string {
  return DICTS[lang][k];
}

/** A label for an enum value that may not be in the dictionary (falls back to the value itself). */
export function label(v: string, lang: Lang): string {
  return (DICTS[lang] as Record<string, string>)[v] ?? v;
}

/** Numbers and dates in the reader's language. */
export function fmtNumber(n: number, lang: Lang, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US', opts).format(n);
}
