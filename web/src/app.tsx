/** The shell: skip link, header with navigation and the language switch, the page, the disclaimer. */
import { useEffect } from 'preact/hooks';
import { setLang, useLang, type Key } from './i18n.js';
import { useLocation } from './router.js';
import { MapPage } from './pages/map-page.js';
import { TesterPage } from './pages/tester-page.js';
import { MemoPage } from './pages/memo-page.js';
import { JurisdictionPage } from './pages/jurisdiction-page.js';
import { ObservatoryPage } from './pages/observatory-page.js';
import { ClaimsPage } from './pages/claims-page.js';
import { ScenariosPage } from './pages/scenarios-page.js';

const NAV: { href: string; key: Key }[] = [
  { href: '/', key: 'navMap' },
  { href: '/decide', key: 'navDecide' },
  { href: '/observatory', key: 'navObservatory' },
  { href: '/claims', key: 'navClaims' },
  { href: '/scenarios', key: 'navScenarios' },
];

function page(path: string, search: URLSearchParams) {
  if (path === '/' || path === '/map') return { key: 'navMap' as Key, el: <MapPage search={search} /> };
  if (path === '/decide') return { key: 'navDecide' as Key, el: <TesterPage search={search} /> };
  if (path === '/decide/memo') return { key: 'memoTitle' as Key, el: <MemoPage search={search} /> };
  if (path.startsWith('/jurisdiction/')) return { key: 'jTitle' as Key, el: <JurisdictionPage id={path.slice('/jurisdiction/'.length)} /> };
  if (path === '/observatory') return { key: 'navObservatory' as Key, el: <ObservatoryPage /> };
  if (path === '/claims') return { key: 'navClaims' as Key, el: <ClaimsPage /> };
  if (path === '/scenarios') return { key: 'navScenarios' as Key, el: <ScenariosPage /> };
  return { key: 'notFound' as Key, el: <NotFound /> };
}

function NotFound() {
  const { t } = useLang();
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundBody')}</p>
      <p><a href="/">{t('backHome')}</a></p>
    </section>
  );
}

export function App() {
  const { lang, t } = useLang();
  const loc = useLocation();
  const current = page(loc.path, loc.search);
  useEffect(() => {
    document.title = `${t(current.key)} · Comity`;
  }, [current.key, lang]);
  return (
    <>
      <a class="skip" href="#main">{t('skip')}</a>
      <header class="site">
        <div class="brand">
          <a href="/" class="logo">Comity</a>
          <span class="tagline">{t('tagline')}</span>
        </div>
        <nav aria-label={lang === 'es' ? 'Principal' : 'Main'}>
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={loc.path === n.href || (n.href === '/' && loc.path === '/map') ? 'page' : undefined}>{t(n.key)}</a>
              </li>
            ))}
          </ul>
          <button type="button" class="lang" lang={lang === 'en' ? 'es' : 'en'} aria-label={t('langSwitchLabel')} onClick={() => setLang(lang === 'en' ? 'es' : 'en')}>
            {t('langSwitch')}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{current.el}</main>
      <footer class="site">
        <p class="disclaimer"><strong>{t('disclaimer')}</strong></p>
        <p>{t('lawInEnglish')} <a href="/api/v1/openapi.json">API (OpenAPI)</a></p>
      </footer>
    </>
  );
}
