import { platformCaller, platformDeps } from '../_shared/deps';
import { handle } from './handle';

export { handle };
export const main = (event: unknown) => handle(event, platformCaller(), platformDeps());
