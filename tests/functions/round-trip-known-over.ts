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
 * within its budget (then take its line out). Add no line: an action over budget is a regression.
 */
export const KNOWN_OVER: Record<string, Figures> = {
  'session.context': { total: 5, sequential: 3 },
  'session.consent': { total: 11, sequential: 11, untilCommitted: 11 },
  'session.health': { total: 6, sequential: 3 },
  'session.retryNotice': { total: 13, sequential: 13, untilCommitted: 7 },
  'repairs.create': { total: 30, sequential: 18, untilCommitted: 13 },
  'repairs.get': { total: 3, sequential: 3 },
  'repairs.technicians': { total: 9, sequential: 4 },
  'repairs.dispatch': { total: 25, sequential: 18, untilCommitted: 14 },
  'repairs.register': { total: 17, sequential: 14, untilCommitted: 11 },
  'repairs.findResidents': { total: 3, sequential: 3 },
  'repairs.overridePriority': { total: 22, sequential: 19, untilCommitted: 11 },
  'repairs.acknowledge': { total: 18, sequential: 16, untilCommitted: 12 },
  'repairs.arrive': { total: 17, sequential: 15, untilCommitted: 11 },
  'repairs.noAnswer': { total: 17, sequential: 15, untilCommitted: 11 },
  'repairs.reschedule': { total: 23, sequential: 18, untilCommitted: 14 },
  'repairs.quote': { total: 18, sequential: 16, untilCommitted: 12 },
  'repairs.accept': { total: 21, sequential: 16, untilCommitted: 12 },
  'repairs.complete': { total: 18, sequential: 16, untilCommitted: 11 },
  'repairs.signOff': { total: 19, sequential: 17, untilCommitted: 12 },
  'repairs.rate': { total: 22, sequential: 17, untilCommitted: 12 },
  'repairs.reportBlocker': { total: 18, sequential: 16, untilCommitted: 12 },
  'repairs.clearBlocker': { total: 23, sequential: 18, untilCommitted: 14 },
  'repairs.sendBack': { total: 23, sequential: 18, untilCommitted: 13 },
  'repairs.reviewSendBack': { total: 19, sequential: 17, untilCommitted: 12 },
  'repairs.scorecards': { total: 8, sequential: 3 },
  'repairs.decideContent': { total: 10, sequential: 10, untilCommitted: 9 },
  'callbacks.record': { total: 10, sequential: 10, untilCommitted: 9 },
  'callbacks.raiseComplaint': { total: 26, sequential: 22, untilCommitted: 20 },
  'callbacks.figures': { total: 5, sequential: 3 },
  'complaints.create': { total: 51, sequential: 42, untilCommitted: 38 },
  'complaints.register': { total: 22, sequential: 18, untilCommitted: 16 },
  'complaints.get': { total: 4, sequential: 4 },
  'complaints.classify': { total: 20, sequential: 18, untilCommitted: 14 },
  'complaints.issueSlip': { total: 18, sequential: 16, untilCommitted: 12 },
  'complaints.acknowledge': { total: 16, sequential: 15, untilCommitted: 12 },
  'complaints.reply': { total: 103, sequential: 83, untilCommitted: 17 },
  'complaints.rate': { total: 13, sequential: 13, untilCommitted: 10 },
  'complaints.registerOf': { total: 6, sequential: 3 },
  'complaints.signRegister': { total: 9, sequential: 9, untilCommitted: 9 },
  'complaints.figures': { total: 4, sequential: 4 },
  'complaints.decideContent': { total: 10, sequential: 10, untilCommitted: 9 },
  'members.bootstrap': { total: 14, sequential: 14, untilCommitted: 14 },
  'members.invite': { total: 7, sequential: 7, untilCommitted: 6 },
  'members.join': { total: 12, sequential: 11, untilCommitted: 11 },
  'members.setRole': { total: 10, sequential: 10, untilCommitted: 10 },
  'members.setSkills': { total: 9, sequential: 9, untilCommitted: 9 },
  'members.deactivate': { total: 10, sequential: 10, untilCommitted: 9 },
  'members.requestBinding': { total: 18, sequential: 15, untilCommitted: 12 },
  'members.revealBindingPhone': { total: 3, sequential: 3 },
  'members.reviewBinding': { total: 17, sequential: 17, untilCommitted: 13 },
  'members.settings': { total: 5, sequential: 3 },
  'members.updateSettings': { total: 13, sequential: 11, untilCommitted: 10 },
  'members.requestErasure': { total: 11, sequential: 10, untilCommitted: 7 },
  'members.erasureRequests': { total: 8, sequential: 3 },
  'members.erase': { total: 17, sequential: 13, untilCommitted: 13 },
  'imports.start': { total: 12, sequential: 12, untilCommitted: 7 },
  'imports.carryOn': { total: 3, sequential: 3 },
  'imports.addRoom': { total: 7, sequential: 7, untilCommitted: 7 },
  'visits.slots': { total: 3, sequential: 3 },
  'visits.windows': { total: 5, sequential: 5 },
  'visits.book': { total: 17, sequential: 17, untilCommitted: 17 },
  'visits.bookWindow': { total: 23, sequential: 21, untilCommitted: 21 },
  'visits.bookHome': { total: 22, sequential: 22, untilCommitted: 19 },
  'visits.reschedule': { total: 20, sequential: 20, untilCommitted: 20 },
  'visits.cancel': { total: 16, sequential: 16, untilCommitted: 16 },
  'visits.log': { total: 10, sequential: 10, untilCommitted: 7 },
  'visits.writeResult': { total: 8, sequential: 8, untilCommitted: 8 },
  'visits.planGroupVisit': { total: 8, sequential: 8, untilCommitted: 8 },
};

/** Round trips a group complaint's reply adds per household told, while over the budget of 2; null once within it. */
export const KNOWN_OVER_GROUP_GROWTH: number | null = 14;
