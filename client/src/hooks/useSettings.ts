import * as members from '@shared/contracts/members.contract';
import { PAGE_MAX } from '@shared/contracts/page';
import * as settings from '@shared/contracts/settings.contract';
import { useAction } from './useAction';
import { usePagedAction } from './usePagedAction';
import { useReadySession } from './useSession';

export type SettingsView = settings.SettingsView;

/** The property's settings with their change log; the desk and supervisors read them too. */
export const useSettings = () => {
  const context = useReadySession();
  return useAction(settings.settings, context ? { propertyId: context.property.propertyId } : null);
};

/** The active desk members a shift may name; asked for only when `wanted` (the manager, who edits the roster). */
export const useDeskMembers = (wanted: boolean) => {
  const context = useReadySession();
  return usePagedAction(members.list, context && wanted ? { propertyId: context.property.propertyId, roles: ['desk'] } : null, { all: true, size: PAGE_MAX });
};
