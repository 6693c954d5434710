import { Text, View } from '@tarojs/components';
import type { CallInput } from '../../../api';
import { useKeyWrite, type KeyWrite } from '../../../hooks/useKeys';
import SignPanel from './SignPanel';

interface Line {
  className: string;
  text: string;
}

/** How the caller signs for the key on this card: the write, its wording, and its input around the uploaded signature. */
export interface Signing<A extends KeyWrite> {
  action: A;
  hint: string;
  button: string;
  done: string;
  input: (signature: string) => CallInput<A>;
}

interface Props<A extends KeyWrite> {
  id: string;
  className: string;
  title: string;
  what: Line;
  who: Line;
  /** The pad shows while the key is the caller's to sign for. */
  toSign: boolean;
  signing: Signing<A>;
  uploadPrefix: string;
  onSigned: () => void;
}

/** K2: a key lent to the technician or left for his visit, signed for here on his phone. */
export default function KeyCard<A extends KeyWrite>({ id, className, title, what, who, toSign, signing, uploadPrefix, onSigned }: Props<A>) {
  const { busy, send } = useKeyWrite(signing.action);
  return (
    <View id={id} className={`card ${className}`}>
      <Text className='section-title'>{title}</Text>
      <Text className={what.className}>{what.text}</Text>
      <Text className={`muted ${who.className}`}>{who.text}</Text>
      {toSign && (
        <SignPanel
          uploadPrefix={uploadPrefix}
          hint={signing.hint}
          button={signing.button}
          done={signing.done}
          busy={busy}
          send={(signature) => send(signing.input(signature))}
          onSigned={onSigned}
        />
      )}
    </View>
  );
}
