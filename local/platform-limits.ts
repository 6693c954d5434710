import { loadManifest } from './db';

/**
 * What the platform refuses before or around a function's own code, so that a call that would fail
 * in the cloud fails here too. The caller sees the platform's failure, not a result of the function.
 */
export class PlatformError extends Error {
  constructor(
    readonly code: 'EXCEED_MAX_PAYLOAD_SIZE' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/**
 * A cloud function's text request body is at most 100 KB (docs.cloudbase.net/error-code/EXCEED_MAX_PAYLOAD_SIZE:
 * 云函数请求体最大限制 文本类型 100KB); WeChat's callFunction page sets its threshold for large data at 100KB and
 * points to wx.cloud.CDN above it (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html).
 */
export const MAX_CALL_DATA_BYTES = 100 * 1024;

export const checkCallData = (event: unknown): void => {
  const bytes = Buffer.byteLength(JSON.stringify(event ?? null), 'utf8');
  if (bytes > MAX_CALL_DATA_BYTES) {
    throw new PlatformError('EXCEED_MAX_PAYLOAD_SIZE', `request body size exceeds limit: ${bytes} bytes of call data, a cloud function takes at most ${MAX_CALL_DATA_BYTES} (100KB); upload large data to cloud storage and pass its file id`);
  }
};

/** Each function's timeout in seconds as deployed (cloudfunctions/manifest.json `functions.<name>.timeout`, which scripts/deploy.ts applies). */
export const functionTimeouts = (): Record<string, number> => {
  const functions = (loadManifest() as { functions?: Record<string, { timeout?: number }> }).functions ?? {};
  return Object.fromEntries(Object.entries(functions).flatMap(([name, spec]) => (typeof spec.timeout === 'number' ? [[name, spec.timeout]] : [])));
};

/**
 * Fails the call once the function has run longer than its timeout, as the cloud answers it
 * (docs.cloudbase.net/error-code/basic/FUNCTIONS_TIME_LIMIT_EXCEEDED). The code it started keeps
 * running here (a local process cannot freeze it); its result is no longer anyone's answer.
 */
export const withinTimeout = async <T>(name: string, seconds: number, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PlatformError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${seconds} seconds (function ${name})`)), seconds * 1000);
    // A browser-like host (the client tests run the runtime under jsdom) gives a number, with no unref.
    (timer as Partial<NodeJS.Timeout>).unref?.();
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};
