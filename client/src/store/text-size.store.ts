import Taro from '@tarojs/taro';
import { platform } from '../api/platform';
import { isTextChoice, textScale, type TextChoice } from '../theme/text-size';

/** The resident's 大字 choice, kept on the phone: it is about her eyes, not her account. */
const CHOICE_KEY = 'textChoice';

const storedChoice = (): TextChoice => {
  const stored: unknown = Taro.getStorageSync(CHOICE_KEY);
  return isTextChoice(stored) ? stored : 'standard';
};

let choice: TextChoice | null = null;
const listeners = new Set<() => void>();

export const textSizeStore = {
  choice: (): TextChoice => (choice ??= storedChoice()),
  scale: (): number => textScale(platform.systemFontScale(), textSizeStore.choice()),
  choose: (next: TextChoice) => {
    choice = next;
    Taro.setStorageSync(CHOICE_KEY, next);
    listeners.forEach((l) => l());
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
