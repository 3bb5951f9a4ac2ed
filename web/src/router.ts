/** A small history router: the path picks the page, links inside the app navigate without a reload. */
import { useEffect, useState } from 'preact/hooks';

export interface Location { path: string; search: URLSearchParams }

const listeners = new Set<() => void>();

function read(): Location {
  return { path: decodeURIComponent(location.pathname), search: new URLSearchParams(location.search) };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const f of listeners) f();
  if (!opts.replace) window.scrollTo(0, 0);
}

export function useLocation(): Location {
  const [loc, set] = useState(read);
  useEffect(() => {
    const on = () => set(read());
    listeners.add(on);
    window.addEventListener('popstate', on);
    return () => {
      listeners.delete(on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return loc;
}

/** Clicks on same-origin links navigate in the app (modifier keys and new tabs keep the browser's way). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/api/')) return;
    // A link within the page (the skip link) stays the browser's: it moves focus, not the page.
    if (a.hash && a.pathname === location.pathname && a.search === location.search) return;
    e.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  });
}

/** The path of a jurisdiction's page. */
export function jurisdictionHref(id: string): string {
  return `/jurisdiction/${id.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}`;
}
