import Taro from '@tarojs/taro';
import { ui } from '../i18n/ui.zh-CN';

/**
 * Old clients stay cached on phones, so contracts only grow backward-compatibly; and when WeChat has
 * downloaded a new version, the person is asked once to restart into it.
 */
export const applyUpdates = () => {
  if (!Taro.canIUse('getUpdateManager')) return;
  const manager = Taro.getUpdateManager();
  manager.onUpdateReady(() => {
    void Taro.showModal({ title: ui.update.title, content: ui.update.content, showCancel: false }).then(() => manager.applyUpdate());
  });
};
