import type { Role } from '@shared/model/member.model';
import { routes } from '../../utils/routes';
import { orderPage } from '../technician/order/route';

interface Subject {
  kind: string;
  id: string;
}

const managing = (role: Role) => role === 'supervisor' || role === 'manager';

/** The page a notice is about, as this role sees it; null when there is none to open. */
export const subjectPage = (role: Role, { kind, id }: Subject): string | null => {
  const resident = role === 'resident';
  const desk = !resident && role !== 'technician';
  switch (kind) {
    case 'repair':
      if (resident) return routes.myRepair(id);
      return role === 'technician' ? orderPage(id) : routes.deskRepair(id);
    case 'complaint':
      if (resident) return routes.myComplaint(id);
      return desk ? routes.deskComplaint({ kind: 'complaint', id }) : null;
    case 'complaintGroup':
      if (resident) return routes.myComplaints;
      return desk ? routes.deskComplaint({ kind: 'group', id }) : null;
    case 'callback':
      return desk ? routes.deskCallbacks : null;
    case 'binding':
      if (resident) return routes.residentHome;
      return desk ? routes.deskBindings : null;
    case 'complaintRegister':
      return managing(role) ? routes.supervisorComplaintRegister : null;
    case 'erasure':
      return role === 'manager' ? routes.supervisorErasures : null;
    case 'fileGrant':
      return managing(role) ? routes.supervisorFileAccess : null;
    case 'timer':
      return managing(role) ? routes.supervisorHealth : null;
    default:
      return null;
  }
};
