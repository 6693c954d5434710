/** C4 C9: a case's place in the desk's list is a key its stored model derives (model/list-keys.ts). */
export { CASE_CLOSED, caseDue, caseRank } from '../model/list-keys';
