import LineField from '../LineField';

interface Props {
  callerName: string;
  phone: string;
  errors: { callerName?: string; phone?: string };
  text: { callerName: string; callerNamePlaceholder: string; phone: string; phonePlaceholder: string };
  onEdit: (patch: { callerName?: string; phone?: string }) => void;
}

/** V2: who called (or came, or wrote) and the number to call them back on, as every desk registration records them. */
export default function CallerLines({ callerName, phone, errors, text, onEdit }: Props) {
  return (
    <>
      <LineField
        label={text.callerName}
        inputClass='input-caller-name'
        value={callerName}
        maxlength={40}
        placeholder={text.callerNamePlaceholder}
        error={errors.callerName}
        errorClass='error-callerName'
        onChange={(value) => onEdit({ callerName: value })}
      />
      <LineField
        label={text.phone}
        inputClass='input-caller-phone'
        value={phone}
        maxlength={20}
        placeholder={text.phonePlaceholder}
        error={errors.phone}
        errorClass='error-phone'
        onChange={(value) => onEdit({ phone: value })}
      />
    </>
  );
}
