import { platform } from '../../../api/platform';
import type { SignatureValue } from '../../../components/SignaturePad';
import { localFile } from '../../../offline/local-files';

/** The drawn signature kept on the phone; the placeholder a command carries until it is uploaded. */
export const keepSignature = async (signature: SignatureValue): Promise<string | null> => {
  const picture = await signature.image();
  const ref = picture ? await platform.keepFile(picture) : null;
  return ref ? localFile(ref) : null;
};
