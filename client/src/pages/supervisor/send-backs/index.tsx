import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useSendBacks } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import RepairCard from '../../../components/RepairCard';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { go, routes } from '../../../utils/routes';
import ReviewPanel from './ReviewPanel';
import '../../../theme/controls.css';
import './index.css';

/** R11: sent-back work orders, each with the technician's reason, to approve or reject with a signed opinion. */
export default function SendBacks() {
  const context = useReadySession();
  const list = useSendBacks();
  const { items, loading, error, refresh } = list;
  const [openId, setOpenId] = useState<string | null>(null);
  const reload = useCallback(() => {
    setOpenId(null);
    void refresh();
  }, [refresh]);
  const t = supervisorUi.supervisor;
  const reviewer = context?.role === 'supervisor';
  return (
    <View className='page send-backs'>
      <Text className='title'>{t.sendBacksTitle}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.sendBacksEmpty : null}>
        {items?.map((repair) => (
          <View key={repair.id} id={`send-back-${repair.id}`} className='send-back-item'>
            <RepairCard repair={repair} onOpen={() => go(routes.deskRepair(repair.id))} />
            <View className='card send-back-body'>
              {repair.technician && <Text className='muted send-back-by'>{fill(t.sentBackBy, { name: repair.technician.name })}</Text>}
              {repair.sendBack && (
                <>
                  <Text className='send-back-reason'>{fill(t.sendBackReason, { reason: repair.sendBack.reason })}</Text>
                  <Text className='muted send-back-at'>{formatWhen(repair.sendBack.at)}</Text>
                </>
              )}
              {reviewer && context && openId === repair.id && (
                <ReviewPanel
                  key={repair.version}
                  repair={repair}
                  propertyId={context.property.propertyId}
                  uploadPrefix={context.uploadPrefix}
                  onDone={reload}
                />
              )}
              {reviewer && openId !== repair.id && (
                <Button className='btn btn-primary btn-review' onClick={() => setOpenId(repair.id)}>
                  {t.review}
                </Button>
              )}
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
