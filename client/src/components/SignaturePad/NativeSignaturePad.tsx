import { useCallback, useRef } from 'react';
import { View } from '@tarojs/components';
import type { Stroke } from '@shared/domain/signature.rules';

interface Props {
  className: string;
  hint: string;
  redo: string;
  onStrokes: (strokes: Stroke[], image: () => Promise<string | null>) => void;
}

const WAIT_MS = 3_000;

/**
 * WeChat: the native pad (client/src/native/signature-pad); its picture arrives just after the strokes.
 * The class sits on a wrapper: Taro hands a native component `className`, not `class`.
 */
export default function NativeSignaturePad({ className, hint, redo, onStrokes }: Props) {
  const count = useRef(0);
  const picture = useRef<{ count: number; path: string } | null>(null);

  const image = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        const until = Date.now() + WAIT_MS;
        const check = () => {
          const got = picture.current;
          if (got && got.count === count.current) return resolve(got.path);
          if (Date.now() > until) return resolve(null);
          setTimeout(check, 100);
        };
        check();
      }),
    [],
  );

  return (
    <View className={className}>
      <signature-pad
        hint={hint}
        redo={redo}
        onChange={(e) => {
          count.current = e.detail.strokes.length;
          onStrokes(e.detail.strokes, image);
        }}
        onImage={(e) => {
          picture.current = { count: e.detail.count, path: e.detail.tempFilePath };
        }}
      />
    </View>
  );
}
