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
