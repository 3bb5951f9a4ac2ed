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
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', label);
      ref.current.replaceChildren(el);
    }, () => setFailed(true));
    return () => { live = false; };
  }, deps);
  return <div class="chart" ref={ref}>{failed ? <p class="problem">Chart unavailable.</p> : null}</div>;
}
