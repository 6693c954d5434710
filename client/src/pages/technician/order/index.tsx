import { useOnSiteOrder } from '../../../hooks/useOnSiteOrder';
import LoadState from '../../../components/LoadState';
import PrivacyConsent from '../../../components/PrivacyConsent';
import { routeParam } from '../../../utils/routes';
import SyncBar from './SyncBar';
import StepPanel from './StepPanel';
import OrderHeader from './OrderHeader';
import MoreActions from './MoreActions';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/** 李师傅 at the door: the order, one big button for the next step, and the way out when it cannot go on. */
export default function TechnicianOrder() {
  const order = useOnSiteOrder(routeParam('id'));
  const { view } = order;
  return (
    <ScaledPage className='onsite-order'>
      <SyncBar order={order} />
      <LoadState loading={order.loading} error={order.error} onRetry={() => void order.refresh()}>
        {view && (
          <>
            <StepPanel key={`step-${view.status}`} order={order} view={view} />
            <OrderHeader repair={view} deskPhone={order.deskPhone} />
            {!order.conflict && <MoreActions key={`more-${view.status}`} order={order} view={view} />}
          </>
        )}
      </LoadState>
      <PrivacyConsent />
    </ScaledPage>
  );
}
