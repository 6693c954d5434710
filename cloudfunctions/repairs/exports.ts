/** What other areas may use of repairs (issue 15, 3): who may see an order, and who may see its resident's full number (the printed work order, issue 19, 4). */
export { canSee, needsFullPhone } from './views';
