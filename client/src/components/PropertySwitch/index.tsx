import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useReadySession } from '../../hooks/useSession';
import { useWaitingElsewhere } from '../../hooks/useWaitingElsewhere';
import { chooseProperty, switchProperty } from '../../store/session.store';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { routes } from '../../utils/routes';
import WaitingBadge from '../WaitingBadge';
import WaitingLine from './WaitingLine';
import './index.css';

/**
 * Issue 14 (2): for someone who belongs to more than one property (or to the company too): where
 * they are, and a tap back to the choice, with a badge of what waits in the others; below it, each
 * other property where work waits, a tap away. A deactivated property says it is read-only.
 */
export default function PropertySwitch() {
  const context = useReadySession();
  const waiting = useWaitingElsewhere();
  const t = ui.propertySwitch;
  if (!context) return null;
  const several = (context.memberships?.length ?? 0) > 1;
  const closed = context.property.active === false;
  if (!several && !closed) return null;
  const toChoice = () => {
    switchProperty();
    void Taro.reLaunch({ url: routes.landing });
  };
  const toProperty = (propertyId: string) => {
    void chooseProperty(propertyId);
    void Taro.reLaunch({ url: routes.landing });
  };
  const total = waiting.reduce((sum, w) => sum + w.count, 0);
  return (
    <View className='property-switch'>
      <Text className='property-switch-current'>{fill(t.current, { name: context.property.name })}</Text>
      {several && (
        <View className='property-switch-link btn-switch-property' onClick={toChoice}>
          <Text>{t.switch}</Text>
          <WaitingBadge count={total} urgent={waiting.some((w) => w.urgent > 0)} label={fill(t.badge, { count: total })} />
        </View>
      )}
      {closed && <Text className='property-switch-closed'>{t.inactive}</Text>}
      {waiting.map((w) => {
        const membership = context.memberships?.find((m) => m.propertyId === w.propertyId);
        return membership && w.count > 0 ? <WaitingLine key={w.propertyId} membership={membership} waiting={w} onOpen={() => toProperty(w.propertyId)} /> : null;
      })}
    </View>
  );
}
