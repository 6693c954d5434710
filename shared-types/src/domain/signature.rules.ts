/** A handwritten signature as plain data: strokes of points in canvas pixels. */
export type Stroke = readonly { x: number; y: number }[];

export const MIN_INK_PX = 80;
export const MIN_SPAN_PX = 30;

export const inkLength = (strokes: readonly Stroke[]): number =>
  strokes.reduce(
    (total, stroke) =>
      total + stroke.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - (stroke[i]?.x ?? p.x), p.y - (stroke[i]?.y ?? p.y)), 0),
    0,
  );

/**
 * R7: a signature must carry enough ink to be one: a tap or a short dash is refused. At least
 * MIN_INK_PX of drawn line, spread over at least MIN_SPAN_PX across.
 */
export const isSignature = (strokes: readonly Stroke[]): boolean => {
  const points = strokes.flat();
  if (points.length < 2) return false;
  const xs = points.map((p) => p.x);
  return inkLength(strokes) >= MIN_INK_PX && Math.max(...xs) - Math.min(...xs) >= MIN_SPAN_PX;
};
