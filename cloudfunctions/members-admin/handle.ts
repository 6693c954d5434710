import * as companyContract from '@shared/contracts/company.contract';
import * as settingsContract from '@shared/contracts/settings.contract';
import { defineFunction } from '../_shared/router';
import { company, properties } from '../members/company';
import { createProperty, deactivateProperty } from '../members/properties';
import { appointManager } from '../members/appoint';
import { settings, updateSettings } from '../members/settings';

/**
 * Issue 16: the members area's part for administration: the company's properties, created, staffed and
 * closed by its administrator (issue 14), and a property's settings, its manager's.
 */
export const handle = defineFunction(
  'members-admin',
  {
    company: companyContract.company,
    properties: companyContract.properties,
    createProperty: companyContract.createProperty,
    appointManager: companyContract.appointManager,
    deactivateProperty: companyContract.deactivateProperty,
    settings: settingsContract.settings,
    updateSettings: settingsContract.updateSettings,
  },
  { company, properties, createProperty, appointManager, deactivateProperty, settings, updateSettings },
);
