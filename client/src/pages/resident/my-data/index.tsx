import { Text } from '@tarojs/components';
import { useMyData } from '../../../hooks/usePrivacy';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import { residentUi } from '../../../i18n/resident.zh-CN';
import ErasureCard from './ErasureCard';
import HeldData from './HeldData';
import InviteCard from './InviteCard';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/** 我的个人信息 (issue 7, point 6; PIPL): what the property holds about the resident, and the way to ask for it to be deleted; issue 18 (5): an owner's invitations to her room. */
export default function MyDataPage() {
  const context = useReadySession();
  const { data, loading, error, refresh } = useMyData();
  const t = residentUi.myData;
  return (
    <ScaledPage className='my-data'>
      <Text className='title'>{t.title}</Text>
      <Text className='muted my-data-intro'>{t.intro}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && context && (
          <>
            <HeldData data={data} />
            <InviteCard propertyId={context.property.propertyId} rooms={context.rooms} bindings={data.bindings} />
            <ErasureCard propertyId={context.property.propertyId} erasure={data.erasure} onAsked={() => void refresh()} />
          </>
        )}
      </LoadState>
    </ScaledPage>
  );
}
