export interface Figures {
  total: number;
  sequential: number;
  /** Writes only: the waits until the result was decided (the whole call's when it committed nothing). */
  untilCommitted?: number;
}

/**
 * Issue 16: the actions still over their budget (round-trip-budget.test.ts), each with the figures
 * it costs today on the journeys of call-journeys.ts. Visible on purpose, never hidden: the test
 * fails when a listed action gets worse (lower the figure when it gets better) and when one comes
 * within its budget (then take its line out). Add no line for an action that was within its budget:
 * going over it is a regression.
 */
export const KNOWN_OVER: Record<string, Figures> = {
  // Moved with the company merge: the closed-property check (+1 round trip per write naming a property; +1 wait too in requestBinding and requestErasure, which read no membership), session.context's memberships, bootstrap's company and administrator.
  'session.context': { total: 7, sequential: 4 },
  'session.consent': { total: 12, sequential: 11, untilCommitted: 11 },
  'session.health': { total: 6, sequential: 3 },
  'session.retryNotice': { total: 14, sequential: 13, untilCommitted: 7 },
  'repairs.create': { total: 31, sequential: 18, untilCommitted: 13 },
  'repairs.get': { total: 3, sequential: 3 },
  'repairs.technicians': { total: 9, sequential: 4 },
  'repairs.dispatch': { total: 26, sequential: 18, untilCommitted: 14 },
  'repairs.register': { total: 18, sequential: 14, untilCommitted: 11 },
  'repairs.findResidents': { total: 3, sequential: 3 },
  'repairs.overridePriority': { total: 23, sequential: 19, untilCommitted: 11 },
  'repairs.acknowledge': { total: 19, sequential: 16, untilCommitted: 12 },
  'repairs.arrive': { total: 18, sequential: 15, untilCommitted: 11 },
  'repairs.noAnswer': { total: 18, sequential: 15, untilCommitted: 11 },
  'repairs.reschedule': { total: 24, sequential: 18, untilCommitted: 14 },
  'repairs.quote': { total: 19, sequential: 16, untilCommitted: 12 },
  'repairs.accept': { total: 22, sequential: 16, untilCommitted: 12 },
  'repairs.complete': { total: 19, sequential: 16, untilCommitted: 11 },
  'repairs.signOff': { total: 20, sequential: 17, untilCommitted: 12 },
  'repairs.rate': { total: 23, sequential: 17, untilCommitted: 12 },
  'repairs.reportBlocker': { total: 19, sequential: 16, untilCommitted: 12 },
  'repairs.clearBlocker': { total: 24, sequential: 18, untilCommitted: 14 },
  'repairs.sendBack': { total: 24, sequential: 18, untilCommitted: 13 },
  'repairs.reviewSendBack': { total: 20, sequential: 17, untilCommitted: 12 },
  'repairs.scorecards': { total: 8, sequential: 3 },
  'repairs.decideContent': { total: 11, sequential: 10, untilCommitted: 9 },
  'callbacks.record': { total: 11, sequential: 10, untilCommitted: 9 },
  'callbacks.raiseComplaint': { total: 27, sequential: 22, untilCommitted: 20 },
  'callbacks.figures': { total: 5, sequential: 3 },
  'complaints.create': { total: 52, sequential: 42, untilCommitted: 38 },
  'complaints.register': { total: 23, sequential: 18, untilCommitted: 16 },
  'complaints.get': { total: 4, sequential: 4 },
  'complaints.classify': { total: 21, sequential: 18, untilCommitted: 14 },
  'complaints.issueSlip': { total: 19, sequential: 16, untilCommitted: 12 },
  'complaints.acknowledge': { total: 17, sequential: 15, untilCommitted: 12 },
  'complaints.reply': { total: 104, sequential: 83, untilCommitted: 17 },
  'complaints.rate': { total: 14, sequential: 13, untilCommitted: 10 },
  'complaints.registerOf': { total: 6, sequential: 3 },
  'complaints.signRegister': { total: 10, sequential: 9, untilCommitted: 9 },
  'complaints.figures': { total: 4, sequential: 4 },
  'complaints.decideContent': { total: 11, sequential: 10, untilCommitted: 9 },
  'members.bootstrap': { total: 19, sequential: 18, untilCommitted: 18 },
  'members.invite': { total: 8, sequential: 7, untilCommitted: 6 },
  'members.join': { total: 12, sequential: 11, untilCommitted: 11 },
  'members.setRole': { total: 11, sequential: 10, untilCommitted: 10 },
  'members.setSkills': { total: 10, sequential: 9, untilCommitted: 9 },
  'members.deactivate': { total: 11, sequential: 10, untilCommitted: 9 },
  'members.requestBinding': { total: 19, sequential: 16, untilCommitted: 13 },
  'members.revealBindingPhone': { total: 3, sequential: 3 },
  'members.reviewBinding': { total: 18, sequential: 17, untilCommitted: 13 },
  'members.settings': { total: 5, sequential: 3 },
  'members.updateSettings': { total: 14, sequential: 11, untilCommitted: 10 },
  'members.requestErasure': { total: 12, sequential: 11, untilCommitted: 8 },
  'members.erasureRequests': { total: 8, sequential: 3 },
  'members.erase': { total: 18, sequential: 13, untilCommitted: 13 },
  // Over budget since they arrived with the company merge.
  'members.properties': { total: 12, sequential: 3 },
  'members.createProperty': { total: 11, sequential: 11, untilCommitted: 11 },
  'members.appointManager': { total: 8, sequential: 8, untilCommitted: 7 },
  'members.deactivateProperty': { total: 9, sequential: 9, untilCommitted: 9 },
  'imports.start': { total: 13, sequential: 12, untilCommitted: 7 },
  'imports.carryOn': { total: 3, sequential: 3 },
  'imports.addRoom': { total: 8, sequential: 7, untilCommitted: 7 },
  'visits.slots': { total: 3, sequential: 3 },
  'visits.windows': { total: 5, sequential: 5 },
  'visits.book': { total: 18, sequential: 17, untilCommitted: 17 },
  'visits.bookWindow': { total: 24, sequential: 21, untilCommitted: 21 },
  'visits.bookHome': { total: 23, sequential: 22, untilCommitted: 19 },
  'visits.reschedule': { total: 21, sequential: 20, untilCommitted: 20 },
  'visits.cancel': { total: 17, sequential: 16, untilCommitted: 16 },
  'visits.log': { total: 11, sequential: 10, untilCommitted: 7 },
  'visits.writeResult': { total: 9, sequential: 8, untilCommitted: 8 },
  'visits.planGroupVisit': { total: 9, sequential: 8, untilCommitted: 8 },
  // Over budget since they arrived with the duty and keys merges.
  'duty.page': { total: 8, sequential: 3 },
  'duty.logEntry': { total: 17, sequential: 11, untilCommitted: 11 },
  'duty.confirmProposal': { total: 23, sequential: 12, untilCommitted: 12 },
  'duty.updateEntry': { total: 15, sequential: 9, untilCommitted: 9 },
  'duty.recordEmergency': { total: 16, sequential: 10, untilCommitted: 9 },
  'duty.signIn': { total: 13, sequential: 10, untilCommitted: 10 },
  'duty.handOver': { total: 19, sequential: 13, untilCommitted: 12 },
  'duty.receive': { total: 17, sequential: 14, untilCommitted: 13 },
  'duty.day': { total: 7, sequential: 5 },
  'duty.signDay': { total: 19, sequential: 14, untilCommitted: 13 },
  'keys.add': { total: 8, sequential: 7, untilCommitted: 7 },
  'keys.lend': { total: 12, sequential: 11, untilCommitted: 11 },
  'keys.sign': { total: 11, sequential: 10, untilCommitted: 9 },
  'keys.giveBack': { total: 13, sequential: 12, untilCommitted: 11 },
  'keys.loans': { total: 4, sequential: 3 },
  'keys.signDeposits': { total: 9, sequential: 8, untilCommitted: 8 },
  'keys.count': { total: 15, sequential: 11, untilCommitted: 11 },
  'keys.signInventory': { total: 14, sequential: 10, untilCommitted: 10 },
  // R13 C7: which returned orders and handled complaints were called back is read by their ids, after the orders and complaints themselves (membership, figures, callbacks).
  'reports.period': { total: 6, sequential: 3 },
  // The report's reads and the property's name, then the file uploaded, then its short-lived link issued: each needs the one before.
  'reports.exportXlsx': { total: 9, sequential: 5 },
  // Issue 14 (3): the company membership, the page of properties, then each property's figures side by side.
  'reports.compare': { total: 12, sequential: 3 },
};

/** Round trips a group complaint's reply adds per household told, while over the budget of 2; null once within it. */
export const KNOWN_OVER_GROUP_GROWTH: number | null = 14;
