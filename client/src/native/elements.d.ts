import type { Stroke } from '@shared/domain/signature.rules';

/** A native custom component's event as Taro hands it to React. */
interface NativeEvent<D> {
  detail: D;
}

/** The native WeChat components (client/src/native), as JSX elements on weapp pages. */
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'signature-pad': {
        hint?: string;
        redo?: string;
        onChange?: (e: NativeEvent<{ strokes: Stroke[] }>) => void;
        onImage?: (e: NativeEvent<{ tempFilePath: string; count: number }>) => void;
      };
      'star-rating': {
        value?: number;
        onChange?: (e: NativeEvent<{ value: number }>) => void;
      };
    }
  }
}
