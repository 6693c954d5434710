/** Each user uploads under their own folder; storage rules enforce the uploader, functions check the path. */
export const uploadPrefixOf = (openid: string) => `uploads/${openid}/`;

/** `cloud://<env>.<bucket>/<path>` → `<path>`; null when it is not a cloud file id. */
const pathOfFileId = (fileId: string): string | null => {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return match?.[1] ?? null;
};

export const ownsFile = (openid: string, fileId: string): boolean => {
  const path = pathOfFileId(fileId);
  return path !== null && path.startsWith(uploadPrefixOf(openid)) && !path.includes('..');
};
