/**
 * A photo or signature taken offline is kept on the phone and named in a command's input by a
 * placeholder; the flusher uploads it and puts the file id in its place just before sending.
 */
const PREFIX = 'offline:';

export const localFile = (ref: string) => `${PREFIX}${ref}`;

/** The kept file a placeholder names, or null for anything else. */
export const refOf = (value: string): string | null => (value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null);

const walk = (value: unknown, onString: (s: string) => unknown): unknown => {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, onString)]));
  return value;
};

/** Every kept file an input refers to, in order, once each. */
export const localRefsIn = (input: Record<string, unknown>): string[] => {
  const refs = new Set<string>();
  walk(input, (s) => {
    const ref = refOf(s);
    if (ref) refs.add(ref);
    return s;
  });
  return [...refs];
};

/** The input with each placeholder replaced by its uploaded file id. */
export const withUploaded = (input: Record<string, unknown>, uploaded: Readonly<Record<string, string>>): Record<string, unknown> =>
  walk(input, (s) => {
    const ref = refOf(s);
    return ref ? (uploaded[ref] ?? s) : s;
  }) as Record<string, unknown>;

/**
 * Where a kept file goes in the cloud: the caller's folder, under the name it was kept by, so every
 * try of an interrupted upload writes the same path. Cloud storage writes over a file uploaded to the
 * same path (wx.cloud.uploadFile: "如果上传至同一路径则是覆盖写",
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.md),
 * so a try whose answer the basement swallowed, tried again, leaves one file under one file id:
 * the photo is neither lost nor doubled.
 */
export const keptUploadPath = (uploadPrefix: string, keptName: string, extension: string) => `${uploadPrefix}${keptName}${extension}`;
