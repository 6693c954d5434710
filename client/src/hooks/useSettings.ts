import * as members from '@shared/contracts/members.contract';
import * as settings from '@shared/contracts/settings.contract';
import { useAction } from './useAction';
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
  const remote = useAction(members.list, context && wanted ? { propertyId: context.property.propertyId, roles: ['desk'] } : null);
  return { ...remote, items: remote.data?.items ?? null };
};
