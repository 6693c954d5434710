import { lazy, Suspense, type ComponentProps } from 'react';
import type RepairDesk from '../repair/RepairDesk';
import LoadState from '../../../components/LoadState';

/**
 * H5: the chosen repair's detail, dispatch and panels are their own chunk, asked for when the pane
 * first shows, so the queue's first cards do not wait for that code to arrive and run (issue 16).
 * WeChat loads a subpackage whole and takes no `import()`, so the weapp build imports it as it is.
 */
// Lazy on purpose; the type import above names the same module, so the import boundaries still check it.
// eslint-disable-next-line no-restricted-syntax
const Lazy = lazy(() => import(/* webpackChunkName: "desk-repair-pane" */ '../repair/RepairDesk'));

export default function RepairDeskPane(props: ComponentProps<typeof RepairDesk>) {
  return (
    <Suspense fallback={<LoadState loading error={null} onRetry={() => undefined} />}>
      <Lazy {...props} />
    </Suspense>
  );
}
