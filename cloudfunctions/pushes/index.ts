import { platformCaller, platformDeps } from '../_shared/deps';
import { handle } from './handle';

export { handle };
/** WeChat's message push takes 'success' as the answer that the event was received. */
export const main = async (event: unknown) => {
  await handle(event, platformCaller(), platformDeps());
  return 'success';
};
