import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { keepsOwnRing, listenKeys } from './key-source';

interface Ring {
  ringId: string | null;
  register: (id: string, press: () => void) => () => void;
}

const RingContext = createContext<Ring | null>(null);

interface Props {
  /** Enter, outside a text box and off any control; nothing on a page with no form. */
  onSubmit?: () => void;
  /** Esc. */
  onCancel?: () => void;
  children: ReactNode;
}

/** The controls in the order they stand on the page. */
const controlsInOrder = () =>
  new Promise<string[]>((resolve) => {
    Taro.createSelectorQuery()
      .selectAll('.keyable')
      .fields({ id: true }, (nodes) => resolve(((nodes ?? []) as { id?: string }[]).map((n) => n.id ?? '').filter(Boolean)))
      .exec();
  });

/**
 * The keyboard layer of a desk form (issue 17, 2): Enter sends, Esc cancels, Enter or Space presses the
 * control under the focus. In a browser Tab follows the controls' tab order (Pressable gives each one a
 * place in it); PC WeChat has none, so there the layer keeps its own ring, moved by Tab and Shift+Tab
 * through the controls in page order. Text fields keep their own keys there (WeChat sends none while one
 * has the focus), so Tab reaches the chips and tiles, and a click or Esc leaves a field.
 */
export default function KeyScope({ onSubmit, onCancel, children }: Props) {
  const presses = useRef(new Map<string, () => void>());
  const [ringId, setRingId] = useState<string | null>(null);
  const ringRef = useRef<string | null>(null);
  ringRef.current = ringId;
  const actions = useRef({ onSubmit, onCancel });
  actions.current = { onSubmit, onCancel };

  useEffect(
    () =>
      listenKeys(
        (heard) => {
          const { intent } = heard;
          if (intent === 'submit') actions.current.onSubmit?.();
          else if (intent === 'cancel') actions.current.onCancel?.();
          else if (intent === 'press') (heard.pressFocused ?? presses.current.get(ringRef.current ?? ''))?.();
          else if (intent === 'next' || intent === 'previous') {
            const step = intent === 'next' ? 1 : -1;
            void controlsInOrder().then((ids) => {
              if (ids.length === 0) return;
              const at = ids.indexOf(ringRef.current ?? '');
              setRingId(ids[(at + step + ids.length) % ids.length] ?? null);
            });
          }
          if (intent) heard.handled();
        },
        () => ringRef.current !== null,
      ),
    [],
  );

  const register = useCallback((id: string, press: () => void) => {
    presses.current.set(id, press);
    return () => {
      if (presses.current.get(id) === press) presses.current.delete(id);
    };
  }, []);
  const ring = useMemo(() => ({ ringId: keepsOwnRing() ? ringId : null, register }), [ringId, register]);
  return (
    <RingContext.Provider value={ring}>
      <View className='key-scope'>{children}</View>
    </RingContext.Provider>
  );
}

/** A control's part in the layer: its press for Enter and Space, and whether the ring is on it. */
export const useKeyRing = (id: string, press: () => void): boolean => {
  const ring = useContext(RingContext);
  const register = ring?.register;
  useEffect(() => register?.(id, press), [register, id, press]);
  return ring?.ringId === id;
};
