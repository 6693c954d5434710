import { Button } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';
import { callPhone } from '../../utils/phone';

/** The desk's number, one tap from wherever someone might need a person. */
export default function DeskPhoneButton({ phone, look = 'secondary' }: { phone: string; look?: 'primary' | 'secondary' | 'plain' }) {
  if (!phone) return null;
  return (
    <Button className={`btn btn-${look} btn-call-desk`} onClick={() => callPhone(phone)}>
      {`${ui.common.callDesk} ${phone}`}
    </Button>
  );
}
