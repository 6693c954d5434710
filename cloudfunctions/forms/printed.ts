import type { Workbook } from 'exceljs';
import type { Printed } from '@shared/contracts/forms.contract';
import { ok } from '@shared/result';
import type { Deps } from '../_shared/deps';
import { findProperty } from '../_shared/properties';
import { storeXlsx, xlsxBytes } from '../_shared/xlsx-link';

/** The property's name, as the form's title carries it. */
export const propertyName = async (deps: Pick<Deps, 'db'>, propertyId: string) => (await findProperty(deps.db, propertyId))?.name ?? '';

/**
 * The most base64 a form carries inline: its answer stays under 100 KB of text. WeChat documents no
 * limit on what a function answers a phone; the platform's documented limits are a call's own text
 * body, 100 KB (https://docs.cloudbase.net/en/error-code/EXCEED_MAX_PAYLOAD_SIZE), past which WeChat
 * sends large data through storage rather than the call
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html),
 * and 6 MB for a synchronous answer of the functions underneath (https://www.tencentcloud.com/zh/document/product/583/11637).
 * The smaller holds both ways: a form past it goes through storage and a link.
 */
export const INLINE_MAX_BASE64 = 96 * 1024;

const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/**
 * A form's file for the caller the action has authorised: its bytes in the answer when the client
 * asks for them and they fit (no round trip), else stored under the property's exports and answered
 * as a short-lived link (the upload, then the link: two waits).
 */
export const printed = async (deps: Pick<Deps, 'files'>, propertyId: string, fileName: string, deliver: 'inline' | undefined, fill: (book: Workbook) => void): Promise<ReturnType<typeof ok<Printed>>> => {
  const name = fileName.replace(/[\\/:*?"<>|\s]+/g, '_');
  const bytes = await xlsxBytes(fill);
  if (deliver === 'inline' && base64Length(bytes.length) <= INLINE_MAX_BASE64) return ok({ fileName: name, base64: bytes.toString('base64') });
  return ok({ fileName: name, url: await storeXlsx(deps, propertyId, bytes) });
};
