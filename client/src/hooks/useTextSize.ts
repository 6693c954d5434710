import { useSyncExternalStore } from 'react';
import { textSizeStore } from '../store/text-size.store';

/** The scale every resident and technician page draws its text at; changes as soon as she switches 大字. */
export const useTextScale = (): number => useSyncExternalStore(textSizeStore.subscribe, textSizeStore.scale, textSizeStore.scale);

export const useTextChoice = () => useSyncExternalStore(textSizeStore.subscribe, textSizeStore.choice, textSizeStore.choice);
