import type { Stroke } from '@shared/domain/signature.rules';

export const INK = '#191919';

/** Draws strokes as the pad shows them: round 4-pixel ink lines. */
export const drawStrokes = (ctx: CanvasRenderingContext2D, strokes: readonly Stroke[]) => {
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = INK;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    if (rest.length === 0) ctx.lineTo(first.x + 0.1, first.y + 0.1);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
};

/** The signature as a PNG data URL on white, the size of the pad; null where there is no canvas. */
export const strokesToDataUrl = (strokes: readonly Stroke[], width: number, height: number): string | null => {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  drawStrokes(ctx, strokes);
  return canvas.toDataURL('image/png');
};
