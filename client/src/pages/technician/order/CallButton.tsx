import { Button, Text } from '@tarojs/components';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../../../components/Icon';
import type { RepairView } from '../../../offline/commands';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { callPhone } from '../../../utils/phone';

/**
 * The one number he may need at the door, with whom it rings on the button: the resident who reported the
 * repair, or, for a public place's repair nobody reported (issue 18, 5) or a reporter with no number, the desk
 * that registered it and knows what was said.
 */
export default function CallButton({ repair, deskPhone }: { repair: RepairView; deskPhone: string }) {
  const t = technicianUi.onSite.call;
  if (!repair.noReporter && repair.phone) {
    return (
      <Button className='btn btn-secondary btn-call btn-call-resident' onClick={() => callPhone(repair.phone)}>
        <Icon of={Phone} />
        {fill(t.resident, { name: repair.residentName, phone: repair.phone })}
      </Button>
    );
  }
  return (
    <>
      {repair.noReporter && <Text className='muted order-no-reporter'>{t.noReporter}</Text>}
      {deskPhone && (
        <Button className='btn btn-secondary btn-call btn-call-desk' onClick={() => callPhone(deskPhone)}>
          <Icon of={Phone} />
          {fill(t.desk, { phone: deskPhone })}
        </Button>
      )}
    </>
  );
}
