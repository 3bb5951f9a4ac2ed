/** A chart drawn with Observable Plot, loaded only when a page shows one (it stays out of the map's first load). */
import { useEffect, useRef, useState } from 'preact/hooks';

type PlotModule = typeof import('@observablehq/plot');

export function Chart({ draw, label, deps }: { draw: (Plot: PlotModule, width: number) => Element; label: string; deps: unknown[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void import('@observablehq/plot').then((Plot) => {
      if (!live || !ref.current) return;
      const width = Math.max(300, Math.min(900, ref.current.clientWidth || 640));
      const el = draw(Plot, width);
      // One accessible name for the whole chart (its figures are in the table beside it); Plot's own labels on inner groups are not valid ARIA there.
      for (const n of el.querySelectorAll('[aria-label], [aria-description]')) {
        n.removeAttribute('aria-label');
        n.removeAttribute('aria-description');
      }
      ref.current.replaceChildren(el);
    }, () => setFailed(true));
    return () => { live = false; };
  }, deps);
  return <div class="chart" ref={ref} role="img" aria-label={label}>{failed ? <p class="problem">Chart unavailable.</p> : null}</div>;
}
