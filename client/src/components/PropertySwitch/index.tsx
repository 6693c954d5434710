import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useReadySession } from '../../hooks/useSession';
import { switchProperty } from '../../store/session.store';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { routes } from '../../utils/routes';
import './index.css';

/**
 * Issue 14 (2): for someone who belongs to more than one property (or to the company too): where
 * they are, and a tap back to the choice. A deactivated property says it is read-only.
 */
export default function PropertySwitch() {
  const context = useReadySession();
  const t = ui.propertySwitch;
  if (!context) return null;
  const several = (context.memberships?.length ?? 0) > 1;
  const closed = context.property.active === false;
  if (!several && !closed) return null;
  const toChoice = () => {
    switchProperty();
    void Taro.reLaunch({ url: routes.landing });
  };
  return (
    <View className='property-switch'>
      <Text className='property-switch-current'>{fill(t.current, { name: context.property.name })}</Text>
      {several && (
        <Text className='property-switch-link btn-switch-property' onClick={toChoice}>
          {t.switch}
        </Text>
      )}
      {closed && <Text className='property-switch-closed'>{t.inactive}</Text>}
    </View>
  );
}
