/** What other areas may use of reports (issue 15, 3): the timer's sweep of exports past their days (issue 17, 2). */
export { expireExports } from './sweep';
