import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';
import { AGREE_BUTTON_ID, privacyConsent } from './consent';
import './index.css';

const openGuide = () => Taro.openPrivacyContract({ fail: () => undefined });

/**
 * WeChat's consent before a privacy API's first use (issue 7, point 6): what is asked and why, the
 * guide one tap away, and WeChat's own agree button, which records the consent before the call goes on.
 */
export default function PrivacyConsent() {
  const waiting = useSyncExternalStore(privacyConsent.subscribe, privacyConsent.waiting, privacyConsent.waiting);
  const t = ui.privacy;
  if (!waiting) return null;
  return (
    <View className='privacy-mask'>
      <View className='privacy-dialog'>
        <Text className='section-title'>{t.title}</Text>
        <Text className='privacy-body'>{t.body}</Text>
        <Text className='privacy-guide' onClick={openGuide}>
          {t.guide}
        </Text>
        <Button
          id={AGREE_BUTTON_ID}
          className='btn btn-primary btn-privacy-agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={privacyConsent.agree}
        >
          {t.agree}
        </Button>
        <Button className='btn btn-plain btn-privacy-disagree' onClick={privacyConsent.disagree}>
          {t.disagree}
        </Button>
      </View>
    </View>
  );
}
