import { newCommandId } from './command-id';

const EXTENSION = /\.(jpe?g|png|webp|gif|xlsx|csv)$/i;

/**
 * Where a file goes: the caller's own folder, a random name (nobody can guess another's) and the
 * file's own extension; what has none is taken for a JPEG photo.
 */
export const uploadPathFor = (name: string, uploadPrefix: string) =>
  `${uploadPrefix}${newCommandId()}${EXTENSION.exec(name)?.[0].toLowerCase() ?? '.jpg'}`;
