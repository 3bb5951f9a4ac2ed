/**
 * The county outlines: us-atlas's TopoJSON (Census cartographic boundaries, already projected to
 * Albers USA with Alaska and Hawaii inset, 975×610), shipped with the app and drawn with d3-geo.
 */
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countiesUrl from 'us-atlas/counties-albers-10m.json?url';

export interface CountyShape { fips: string; name: string; d: string }
export interface Shapes { counties: CountyShape[]; states: string; width: number; height: number }

let shapes: Promise<Shapes> | undefined;

export function countyShapes(): Promise<Shapes> {
  shapes ??= (async () => {
    const res = await fetch(countiesUrl);
    if (!res.ok) throw new Error(`county outlines: HTTP ${res.status}`);
    const topo = (await res.json()) as Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection }>;
    const path = geoPath();
    const fc = feature(topo, topo.objects.counties);
    const counties = fc.features.map((f) => ({ fips: String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '' }));
    const states = path(mesh(topo, topo.objects.states, (a, b) => a !== b)) ?? '';
    return { counties, states, width: 975, height: 610 };
  })();
  return shapes;
}
