import { Text, View } from '@tarojs/components';
import { messages } from '@shared/messages';
import { NoticeKind } from '@shared/model/outbox.model';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { ui } from '../../../i18n/ui.zh-CN';
import type { Section } from './settings-form';

interface Props {
  templates: Record<string, string>;
  webhook: string;
  readOnly: boolean;
  errors: Partial<Record<Section, string>>;
  onTemplates: (templates: Record<string, string>) => void;
  onWebhook: (webhook: string) => void;
}

const labelOf = (key: string) => (NoticeKind.safeParse(key).success ? messages.notices[key as NoticeKind] : key);

/** Where notices go beyond the app: a subscribe-message template id per kind of notice, and the WeCom group robot. */
export default function NoticeSection({ templates, webhook, readOnly, errors, onTemplates, onWebhook }: Props) {
  const t = ui.settings;
  const keys = [...new Set([...NoticeKind.options, ...Object.keys(templates)])];
  return (
    <>
      <View className='card settings-section settings-templates'>
        <Text className='section-title'>{t.templates}</Text>
        {!readOnly && <Text className='muted settings-hint'>{t.templatesHint}</Text>}
        {keys.map((key) =>
          readOnly ? (
            <InfoRow key={key} label={labelOf(key)} value={templates[key] || t.notSet} />
          ) : (
            <View key={key} id={`template-${key.replace(/\./g, '-')}`} className='template-row'>
              <LineField
                label={labelOf(key)}
                inputClass='input-template'
                value={templates[key] ?? ''}
                maxlength={64}
                placeholder={t.templatePlaceholder}
                errorClass=''
                onChange={(id) => onTemplates({ ...templates, [key]: id })}
              />
            </View>
          ),
        )}
        {errors.templates && <Text className='field-error error-section-templates'>{errors.templates}</Text>}
      </View>
      <View className='card settings-section settings-webhook'>
        <Text className='section-title'>{t.webhook}</Text>
        {readOnly ? (
          <Text className='webhook-value'>{webhook || t.notSet}</Text>
        ) : (
          <>
            <Text className='muted settings-hint'>{t.webhookHint}</Text>
            <LineField label={t.webhook} inputClass='input-webhook' value={webhook} maxlength={300} placeholder={t.webhookPlaceholder} errorClass='' onChange={onWebhook} />
          </>
        )}
        {errors.webhook && <Text className='field-error error-section-webhook'>{errors.webhook}</Text>}
      </View>
    </>
  );
}
