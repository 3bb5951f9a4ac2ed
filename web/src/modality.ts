/** The map's colors for the four answers: a purple–green diverging scheme (ColorBrewer PRGn), readable by color-blind readers. */
export const MODALITY_ORDER = ['MUST', 'MAY', 'NOT_REQUIRED', 'MUST_NOT'] as const;
export type ModalityName = (typeof MODALITY_ORDER)[number];

export const MODALITY_COLOR: Record<ModalityName, string> = {
  MUST: '#762a83',
  MAY: '#c2a5cf',
  NOT_REQUIRED: '#a6dba0',
  MUST_NOT: '#1b7837',
};
export const NO_DATA_COLOR = '#e6e6e6';

export function modalityColor(m: string | undefined): string {
  return (m && (MODALITY_COLOR as Record<string, string>)[m]) || NO_DATA_COLOR;
}

/** The observed at-large share's bins (ColorBrewer Greens) and the fewest arrests a county needs to be colored. */
export const SHARE_BINS: { upTo: number; color: string }[] = [
  { upTo: 0.05, color: '#edf8e9' },
  { upTo: 0.15, color: '#bae4b3' },
  { upTo: 0.3, color: '#74c476' },
  { upTo: 0.5, color: '#31a354' },
  { upTo: 1.0001, color: '#006d2c' },
];
export const MIN_ARRESTS = 20;

export function shareColor(share: number | null | undefined, arrests: number | undefined): string {
  if (share == null || !arrests || arrests < MIN_ARRESTS) return NO_DATA_COLOR;
  return SHARE_BINS.find((b) => share < b.upTo)?.color ?? SHARE_BINS[SHARE_BINS.length - 1]!.color;
}
