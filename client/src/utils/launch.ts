import { routeParam } from './routes';

/** What a scanned mini-program code or a shared link opened the landing page with. */
export interface LaunchHint {
  /** An invitation code (`inv=<code>`), '' when none. */
  invite: string;
  /** A property (`p=<propertyId>`), '' when none. */
  propertyId: string;
}

/** `inv=ABCD2345&p=sunny` → its pairs; WeChat hands the scene over URL-encoded, `routeParam` decodes it. */
const pairsOf = (scene: string): Map<string, string> =>
  new Map(
    scene
      .split('&')
      .map((pair) => pair.split('='))
      .map(([key = '', value = '']): [string, string] => [key.trim(), value.trim()]),
  );

/** In H5, the query may also sit before the hash (`/?inv=…#/pages/index/index`). */
const pageQuery = (): URLSearchParams =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? new URLSearchParams(window.location.search) : new URLSearchParams();

/** WeChat puts a code's scene in `scene`; a link may carry `inv` or `p` directly. */
export const launchHint = (): LaunchHint => {
  const query = pageQuery();
  const scene = pairsOf(routeParam('scene') || query.get('scene') || '');
  const pick = (key: string) => scene.get(key) || routeParam(key) || query.get(key) || '';
  return { invite: pick('inv'), propertyId: pick('p') };
};
