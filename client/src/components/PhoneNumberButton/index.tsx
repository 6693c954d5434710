import { Button, Text, View } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';

interface Props {
  /** The one-time code WeChat gave, or null while the person types the number instead. */
  code: string | null;
  onCode: (code: string | null) => void;
}

/**
 * Issue 7 (4): WeChat's phone-number button where it exists (the mini-program); the server asks
 * WeChat for the number behind the one-time code. In the browser build the number is typed.
 */
export default function PhoneNumberButton({ code, onCode }: Props) {
  if (process.env.TARO_ENV !== 'weapp') return null;
  if (code) {
    return (
      <View className='phone-number-used'>
        <Text className='muted'>{ui.phoneNumber.used}</Text>
        <Text className='link btn-phone-type-instead' onClick={() => onCode(null)}>
          {ui.phoneNumber.typeInstead}
        </Text>
      </View>
    );
  }
  return (
    <Button
      className='btn btn-secondary btn-phone-number'
      openType='getPhoneNumber'
      onGetPhoneNumber={(e) => {
        const got = (e.detail as { code?: string }).code;
        if (got) onCode(got);
      }}
    >
      {ui.phoneNumber.use}
    </Button>
  );
}
