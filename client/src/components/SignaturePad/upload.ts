import { platform } from '../../api/platform';
import type { SignatureValue } from './index';

/**
 * A signature given where there is signal (the supervisor's review, the resident's on a home visit's
 * callback record): the drawn picture goes straight into the caller's upload folder, with no
 * offline queue, unlike the technician's on-site steps. The file id, or null.
 */
export const uploadSignature = async (signature: SignatureValue, uploadPrefix: string): Promise<string | null> => {
  const picture = await signature.image();
  return picture ? platform.uploadFile({ localPath: picture, name: 'signature.png' }, uploadPrefix) : null;
};
