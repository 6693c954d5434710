import type { Role } from '@shared/model/member.model';
import Articles from '@nutui/icons-react-taro/dist/es/icons/Articles.js';
import Clock from '@nutui/icons-react-taro/dist/es/icons/Clock.js';
import Comment from '@nutui/icons-react-taro/dist/es/icons/Comment.js';
import Complaint from '@nutui/icons-react-taro/dist/es/icons/Complaint.js';
import Del from '@nutui/icons-react-taro/dist/es/icons/Del.js';
import Edit from '@nutui/icons-react-taro/dist/es/icons/Edit.js';
import Home from '@nutui/icons-react-taro/dist/es/icons/Home.js';
import Message from '@nutui/icons-react-taro/dist/es/icons/Message.js';
import Notice from '@nutui/icons-react-taro/dist/es/icons/Notice.js';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Repairman from '@nutui/icons-react-taro/dist/es/icons/Repairman.js';
import Retweet from '@nutui/icons-react-taro/dist/es/icons/Retweet.js';
import Search from '@nutui/icons-react-taro/dist/es/icons/Search.js';
import Service from '@nutui/icons-react-taro/dist/es/icons/Service.js';
import Setting from '@nutui/icons-react-taro/dist/es/icons/Setting.js';
import Star from '@nutui/icons-react-taro/dist/es/icons/Star.js';
import User from '@nutui/icons-react-taro/dist/es/icons/User.js';
import UserAdd from '@nutui/icons-react-taro/dist/es/icons/UserAdd.js';
import { ui } from '../../i18n/ui.zh-CN';
import { go, routes } from '../../utils/routes';
import { withAreaEntries } from './area-entries';
import type { WorkEntry, WorkGroup } from '.';

/** What waits, for the badges: urgent repairs not yet dispatched (R3), open complaints, callbacks, requests to bind a room. */
export interface WorkCounts {
  urgent: string | null;
  complaints: number | null;
  callbacks: number | null;
  bindings: number | null;
}

const to = (url: string) => () => go(url);

/** Every page a staff home can open, by its key. */
const entries = (c: WorkCounts) => {
  const l = ui.workGrid.links;
  return {
    queue: { key: 'queue', label: ui.desk.inboxTitle, icon: Repairman, badge: c.urgent, urgent: true, open: to(routes.deskInbox) },
    complaints: { key: 'complaints', label: ui.deskComplaints.link, icon: Complaint, badge: c.complaints, open: to(routes.deskComplaints) },
    callbacks: { key: 'callbacks', label: ui.callbacks.link, icon: Phone, badge: c.callbacks, open: to(routes.deskCallbacks) },
    bindings: { key: 'bindings', label: ui.deskBindings.link, icon: UserAdd, badge: c.bindings, open: to(routes.deskBindings) },
    inbox: { key: 'inbox', label: ui.inbox.link, icon: Message, open: to(routes.inbox) },
    bookings: { key: 'bookings', label: ui.deskBookings.link, icon: Clock, open: to(routes.deskBookings) },
    reception: { key: 'reception', label: l.reception, icon: Edit, open: to(routes.deskReception) },
    groupVisits: { key: 'group-visits', label: l.groupVisits, icon: Service, open: to(routes.deskGroupVisits) },
    sendBacks: { key: 'send-backs', label: l.sendBacks, icon: Retweet, open: to(routes.supervisorSendBacks) },
    complaintRegister: { key: 'complaint-register', label: l.complaintRegister, icon: Articles, open: to(routes.supervisorComplaintRegister) },
    scorecards: { key: 'scorecards', label: l.scorecards, icon: Star, open: to(routes.supervisorScorecards) },
    complaintFigures: { key: 'complaint-figures', label: l.complaintFigures, icon: Search, open: to(routes.supervisorComplaintFigures) },
    callbackFigures: { key: 'callback-figures', label: l.callbackFigures, icon: Comment, open: to(routes.supervisorCallbackFigures) },
    members: { key: 'members', label: l.members, icon: User, open: to(routes.supervisorMembers) },
    settings: { key: 'settings', label: l.settings, icon: Setting, open: to(routes.supervisorSettings) },
    health: { key: 'health', label: l.health, icon: Notice, open: to(routes.supervisorHealth) },
    roomImport: { key: 'import', label: l.roomImport, icon: Home, open: to(routes.supervisorImport) },
    erasures: { key: 'erasures', label: l.erasures, icon: Del, open: to(routes.supervisorErasures) },
  } satisfies Record<string, WorkEntry>;
};

/**
 * Issue 17 (2): each role's pages, its own work first. The desk: the day's cases, then visits. The
 * supervisor: what waits for him every morning (the queue, sent-back orders, the register to sign),
 * then figures. The manager: complaints (C4) and the inbox, then figures and the property's setup.
 * The areas of the registry add their own entries (issue 15, 1).
 */
export const workGroups = (role: Role, counts: WorkCounts): WorkGroup[] => {
  const e = entries(counts);
  const g = ui.workGrid.groups;
  const visits = { key: 'visits', title: g.visits, entries: [e.bookings, e.reception, e.groupVisits] };
  const figures = { key: 'figures', title: g.figures, entries: [e.scorecards, e.complaintFigures, e.callbackFigures] };
  if (role === 'supervisor') {
    return withAreaEntries('supervisor', [
      { key: 'today', title: g.today, entries: [e.queue, e.sendBacks, e.complaintRegister, e.complaints, e.callbacks, e.bindings, e.inbox] },
      figures,
      visits,
      { key: 'admin', title: g.admin, entries: [e.members, e.settings, e.health] },
    ]);
  }
  if (role === 'manager') {
    return withAreaEntries('manager', [
      { key: 'today', title: g.today, entries: [e.complaints, e.inbox, e.complaintRegister, e.queue] },
      figures,
      { key: 'admin', title: g.admin, entries: [e.members, e.settings, e.health, e.roomImport, e.erasures] },
      { key: 'front-desk', title: g.frontDesk, entries: [e.callbacks, e.bindings, ...visits.entries] },
    ]);
  }
  return withAreaEntries('desk', [{ key: 'today', title: g.today, entries: [e.complaints, e.callbacks, e.bindings, e.inbox] }, visits]);
};
