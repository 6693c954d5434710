/**
 * What other areas may use of members (issue 15, 3): a resident's approved room bindings (her household,
 * issue 18, 5) and a property's recent move-ins (the duty log's proposals, D1).
 */
export { approvedBindingsOf, approvedBindingsRequestedBetween } from './bindings.repo';
