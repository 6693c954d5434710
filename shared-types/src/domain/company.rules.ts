import type { SettingsDoc } from '../model/settings.model';

/**
 * Issue 14 (1): a new property's settings taken from a template property: its hours, limits, windows,
 * templates, times and fee schedule. Its people are not: each shift starts with no desk staff, and
 * the template's WeCom group is its own.
 */
export const settingsFromTemplate = (template: SettingsDoc, propertyId: string): SettingsDoc => ({
  ...template,
  _id: propertyId,
  propertyId,
  shifts: template.shifts.map((shift) => ({ ...shift, deskOpenids: [] })),
  wecomWebhook: null,
});
