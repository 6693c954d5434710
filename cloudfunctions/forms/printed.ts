import type { Workbook } from 'exceljs';
import { ok } from '@shared/result';
import type { Deps } from '../_shared/deps';
import { findProperty } from '../_shared/properties';
import { xlsxFile } from '../_shared/xlsx-link';

/** The property's name, as the form's title carries it. */
export const propertyName = async (deps: Pick<Deps, 'db'>, propertyId: string) => (await findProperty(deps.db, propertyId))?.name ?? '';

/** A form's file, stored under the property's exports and answered as a short-lived link. */
export const printed = async (deps: Pick<Deps, 'files'>, propertyId: string, fileName: string, fill: (book: Workbook) => void) =>
  ok({ fileName: fileName.replace(/[\\/:*?"<>|\s]+/g, '_'), url: await xlsxFile(deps, propertyId, fill) });
