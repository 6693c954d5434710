/**
 * Issue 15 (1): the refusals of the areas whose declarations say they keep them in their
 * own catalogue file (`serverWords` of `messages/<area>.zh-CN.ts`), loaded by the area's name, so no
 * central file names them. Node only: the whole catalogue (tests, the bench, the local runtime) and the
 * function build (scripts/build-functions.ts evaluates refusals.zh-CN.ts and copies each bundle's own
 * entries) read it; the client never imports it (the lint's boundary), so a declaration
 * and the weapp main package carry none of these words.
 */
import { areasWithServerWords, type AreaErrorCode } from '../areas';

interface AreaCatalogueFile {
  serverWords: { refusals: Readonly<Record<string, string>> };
}

/** By its path from here, which no bundler follows: a bundle that reached this file would fail loudly, not carry every area's words. */
const loaded = areasWithServerWords.map((name) => (require(`${__dirname}/${name}.zh-CN`) as AreaCatalogueFile).serverWords);

export const areaRefusals = Object.assign({}, ...loaded.map((w) => w.refusals)) as Readonly<Record<AreaErrorCode, string>>;
