/**
 * A canvas node as WeChat's `SelectorQuery.fields({ node: true })` hands one out for `<canvas type="2d">`,
 * whose 2D context records what is drawn on it: the standard CanvasRenderingContext2D methods only
 * (https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasRenderingContext2D.html), so a
 * chart library sees a 2D context, not the legacy `wx.createCanvasContext` one.
 */
const METHODS = [
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'drawImage', 'fill', 'fillRect', 'fillText',
  'lineTo', 'moveTo', 'quadraticCurveTo', 'rect', 'restore', 'rotate', 'save', 'scale', 'setLineDash', 'setTransform', 'stroke',
  'strokeRect', 'strokeText', 'transform', 'translate',
] as const;

export interface Drawn {
  method: string;
  args: unknown[];
}

export const recordingCanvas = () => {
  const drawn: Drawn[] = [];
  const state: Record<string | symbol, unknown> = {
    measureText: (text: string) => ({ width: [...String(text)].length * 12 }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
  };
  for (const method of METHODS) state[method] = (...args: unknown[]) => void drawn.push({ method, args });
  const context = new Proxy(state, {
    get: (target, key) => target[key],
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
  const node = { width: 300, height: 150, getContext: (kind: string) => (kind === '2d' ? context : null) };
  /** The texts drawn with fillText, in order. */
  const texts = () => drawn.filter((d) => d.method === 'fillText').map((d) => String(d.args[0]));
  return { node, drawn, texts };
};
