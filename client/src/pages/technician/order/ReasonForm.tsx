import { useState, type ReactNode } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError } from '../../../utils/toast';

interface Props {
  className: string;
  title: string;
  hint?: string;
  /** Tap one instead of typing with gloves on. */
  presets: readonly string[];
  inputClass: string;
  submitClass: string;
  submitText: string;
  /** Said when the text is too short to send. */
  needText: string;
  children?: ReactNode;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** A reason or a note: ready-made sentences to tap, a box to change them, send and cancel. */
export default function ReasonForm(props: Props) {
  const [text, setText] = useState('');
  const valid = text.trim().length >= 2;
  return (
    <View className={`card reason-form ${props.className}`}>
      <Text className='section-title'>{props.title}</Text>
      {props.hint && <Text className='muted reason-hint'>{props.hint}</Text>}
      {props.children}
      <View className='chips reason-presets'>
        {props.presets.map((p) => (
          <View key={p} className={`chip reason-preset${text === p ? ' chip-on' : ''}`} onClick={() => setText(p)}>
            {p}
          </View>
        ))}
      </View>
      <Textarea
        className={`reason-input ${props.inputClass}`}
        value={text}
        maxlength={200}
        autoHeight
        onInput={(e) => setText(e.detail.value)}
      />
      <Button
        className={`btn btn-primary ${props.submitClass}${valid ? '' : ' btn-disabled'}`}
        onClick={() => (valid ? props.onSubmit(text.trim()) : toastError(props.needText))}
      >
        {props.submitText}
      </Button>
      <Button className='btn btn-plain btn-cancel' onClick={props.onCancel}>
        {technicianUi.onSite.cancel}
      </Button>
    </View>
  );
}
