import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as imports from '@shared/contracts/imports.contract';
import { call, type CallOutput } from '../../../api';
import { platform } from '../../../api/platform';
import type { DocumentKind } from '../../../api/platform.types';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError } from '../../../utils/toast';

type Template = CallOutput<typeof imports.template>;

const fileOf = (template: Template, kind: DocumentKind) =>
  kind === 'csv' ? { name: template.csvName, kind, text: template.csv } : { name: template.xlsxName, kind, base64: template.xlsxBase64 };

interface Props {
  propertyId: string;
  /** Which template: the rooms' (the default) or the key register's. */
  action?: typeof imports.template | typeof imports.keyTemplate;
  /** What the template holds, in a line. */
  hint?: string;
}

/** The template to fill in: a download in the browser, WeChat's viewer on the phone (to forward to a computer). */
export default function TemplateCard({ propertyId, action = imports.template, hint = supervisorUi.roomImport.templateHint }: Props) {
  const t = supervisorUi.roomImport;
  const [template, setTemplate] = useState<Template | null>(null);
  const [busy, setBusy] = useState(false);

  const offer = async (kind: DocumentKind) => {
    if (busy) return;
    setBusy(true);
    const res = template ? { ok: true as const, data: template } : await call(action, { propertyId });
    if (res.ok) setTemplate(res.data);
    const offered = res.ok && (await platform.offerFile(fileOf(res.data, kind)));
    setBusy(false);
    if (!res.ok) return toastError(res.message);
    if (!offered) toastError(t.templateFailed);
  };

  return (
    <View className='card import-template'>
      <Text className='section-title'>{t.templateTitle}</Text>
      <Text className='muted import-hint'>{hint}</Text>
      {platform.offeredKinds.map((kind) => (
        <Button key={kind} className={`btn btn-secondary btn-template-${kind}`} onClick={() => void offer(kind)}>
          {t.templateKinds[kind]}
        </Button>
      ))}
    </View>
  );
}
