import Taro from '@tarojs/taro';
import type { Role } from '@shared/model/member.model';
import type { CaseRef } from '@shared/contracts/complaints.contract';

/** Every page's path, in one place; subpackage roots match app.config. */
export const routes = {
  landing: '/pages/index/index',
  joinBind: (propertyId: string) => (propertyId ? `/pages/join/bind/index?p=${encodeURIComponent(propertyId)}` : '/pages/join/bind/index'),
  residentHome: '/pages/resident/home/index',
  repairNew: '/pages/resident/repair-new/index',
  myRepairs: '/pages/resident/repairs/index',
  myRepair: (id: string) => `/pages/resident/repair/index?id=${encodeURIComponent(id)}`,
  complaintNew: '/pages/resident/complaint-new/index',
  myComplaints: '/pages/resident/complaints/index',
  myComplaint: (id: string) => `/pages/resident/complaint/index?id=${encodeURIComponent(id)}`,
  myData: '/pages/resident/my-data/index',
  myBookings: '/pages/resident/bookings/index',
  technicianOrders: '/pages/technician/orders/index',
  deskInbox: '/pages/desk/inbox/index',
  deskRepair: (id: string) => `/pages/desk/repair/index?id=${encodeURIComponent(id)}`,
  deskRegister: '/pages/desk/register/index',
  deskCallbacks: '/pages/desk/callbacks/index',
  deskComplaints: '/pages/desk/complaints/index',
  deskComplaint: (ref: CaseRef) => `/pages/desk/complaint/index?kind=${ref.kind}&id=${encodeURIComponent(ref.id)}`,
  deskComplaintRegister: '/pages/desk/complaint-register/index',
  deskBindings: '/pages/desk/bindings/index',
  deskBookings: '/pages/desk/bookings/index',
  deskReception: '/pages/desk/reception/index',
  deskGroupVisits: '/pages/desk/group-visits/index',
  deskDuty: '/pages/desk/duty/index',
  staffHome: '/pages/supervisor/home/index',
  deskKeys: '/pages/desk/keys/index',
  myKeys: '/pages/technician/keys/index',
  supervisorScorecards: '/pages/supervisor/scorecards/index',
  supervisorSendBacks: '/pages/supervisor/send-backs/index',
  supervisorComplaintRegister: '/pages/supervisor/complaint-register/index',
  supervisorComplaintFigures: '/pages/supervisor/complaint-figures/index',
  supervisorMembers: '/pages/supervisor/members/index',
  supervisorImport: '/pages/supervisor/import/index',
  supervisorSettings: '/pages/supervisor/settings/index',
  supervisorErasures: '/pages/supervisor/erasures/index',
  supervisorHealth: '/pages/supervisor/health/index',
  supervisorCallbackFigures: '/pages/supervisor/callback-figures/index',
  supervisorDutyDay: '/pages/supervisor/duty-day/index',
  inbox: '/pages/inbox/index',
  adminCompany: '/pages/admin/company/index',
  report: '/pages/reports/report/index',
  compare: '/pages/reports/compare/index',
} as const;

/** Each role lands on its own work (issue 17, 2): the supervisor and the manager on their home, not the desk's queue. */
export const homeOf = (role: Role): string => {
  if (role === 'admin') return routes.adminCompany;
  if (role === 'resident') return routes.residentHome;
  if (role === 'technician') return routes.technicianOrders;
  if (role === 'desk') return routes.deskInbox;
  return routes.staffHome;
};

export const go = (url: string) => void Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }));

/** The current page's query parameter, '' when absent. */
export const routeParam = (name: string): string => {
  const value = Taro.getCurrentInstance().router?.params[name];
  return typeof value === 'string' ? decodeURIComponent(value) : '';
};
