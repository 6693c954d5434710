import { View } from '@tarojs/components';
import type { Stroke } from '@shared/domain/signature.rules';
import { ui } from '../../i18n/ui.zh-CN';
import NativeSignaturePad from './NativeSignaturePad';
import SignatureCanvas from './SignatureCanvas';
import './index.css';

export interface SignatureValue {
  strokes: Stroke[];
  /** The drawn picture, as something `platform.keepFile` takes (a temp path or a data URL); null if it failed. */
  image: () => Promise<string | null>;
}

interface Props {
  className?: string;
  onChange: (value: SignatureValue) => void;
}

/**
 * A handwritten signature: the native WeChat component in the mini-program, an HTML canvas in H5.
 * Either way the page gets the strokes (for the minimum-ink rule) and a way to the picture.
 */
export default function SignaturePad({ className = '', onChange }: Props) {
  const { hint, clear } = ui.signature;
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <NativeSignaturePad
        className={`signature-pad ${className}`}
        hint={hint}
        redo={clear}
        onStrokes={(strokes, image) => onChange({ strokes, image })}
      />
    );
  }
  return (
    <View className={`signature-pad ${className}`}>
      <SignatureCanvas hint={hint} redo={clear} onStrokes={(strokes, image) => onChange({ strokes, image: async () => image() })} />
    </View>
  );
}
