import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, type ButtonProps } from '@tarojs/components';
import Articles from '@nutui/icons-react-taro/dist/es/icons/Articles.js';
import type { formsActions } from '@shared/contracts/forms.contract';
import { call } from '../../api';
import type { CallInput, CallOutput } from '../../api/client';
import { platform } from '../../api/platform';
import Icon from '../Icon';
import { useKeyRing } from '../../keyboard/KeyScope';
import { reachable } from '../../keyboard/reachable';
import { fill } from '../../i18n/ui.zh-CN';
import { formsUi } from '../../i18n/forms.zh-CN';
import { openXlsx } from '../../utils/open-xlsx';
import { toastError, toastOk } from '../../utils/toast';

type FormAction = (typeof formsActions)[keyof typeof formsActions];

/** The form as it came: its bytes handed to the platform (a download, WeChat's viewer), or its short-lived link opened. */
const open = (form: CallOutput<FormAction>) =>
  'base64' in form ? platform.offerFile({ name: form.fileName, kind: 'xlsx', base64: form.base64 }) : openXlsx(form);

interface Props<A extends FormAction> {
  id: string;
  action: A;
  /** The form's record; null until it is loaded. */
  input: CallInput<A> | null;
}

/**
 * 打印 (issue 19, 4): the function builds the paper form as an .xlsx; PC WeChat opens it in its
 * document viewer with the menu that sends it to WPS or Excel for printing, a browser downloads it
 * (platform.offerFile for the bytes in the answer; utils/open-xlsx for a form too big for it, linked).
 * Reached by Tab; Enter or Space prints, in a browser by its own key handler where no KeyScope
 * already pressed it, in PC WeChat through the enclosing KeyScope's ring.
 */
export default function PrintButton<A extends FormAction>({ id, action, input }: Props<A>) {
  const busy = useRef(false);
  const [printing, setPrinting] = useState(false);
  const print = useCallback(async () => {
    if (!input || busy.current) return;
    busy.current = true;
    setPrinting(true);
    void Taro.showLoading({ title: formsUi.printing, mask: true }).catch(() => undefined);
    // Issue 16: the form's bytes in the answer when they fit, so printing waits on the record's reads alone.
    const res = await call(action, { ...input, deliver: 'inline' });
    const opened = res.ok && (await open(res.data));
    Taro.hideLoading();
    busy.current = false;
    setPrinting(false);
    if (!res.ok) return toastError(res.message);
    if (!opened) return toastError(formsUi.failed);
    toastOk(fill(formsUi.ready, { name: res.data.fileName }));
  }, [action, input]);
  const press = useCallback(() => void print(), [print]);
  const ringed = useKeyRing(id, press);
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    void print();
  };
  // Taro's H5 button adds any on* prop as a DOM listener (reactify-wc); WeChat has no key events on it.
  const keyHandler = { onKeyDown: onKey } as Partial<ButtonProps>;
  return (
    <Button
      id={id}
      className={`btn btn-secondary btn-print keyable${ringed ? ' key-focus' : ''}${printing || !input ? ' btn-busy' : ''}`}
      onClick={() => void print()}
      {...keyHandler}
      {...reachable()}
    >
      <Icon of={Articles} />
      {formsUi.print}
    </Button>
  );
}
