import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { Figures } from '../../../hooks/useComplaints';
import InfoRow from '../../../components/InfoRow';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { rateText } from './periods';

const classes = ['major', 'general', 'non_responsible', 'assistance', 'unclassified'] as const;
type ClassKey = (typeof classes)[number];

const classWord = (key: ClassKey): string => {
  const words = supervisorUi.complaintFigures.classes;
  return key === 'non_responsible' || key === 'assistance' ? messages.complaintClasses[key] : words[key];
};

/** C8: one period's complaints by class, and its handling, on-time and callback rates. */
export default function FiguresCard({ title, figures, className }: { title: string; figures: Figures; className: string }) {
  const t = supervisorUi.complaintFigures;
  const count = (n: number) => fill(t.count, { n });
  return (
    <View className={`card figures-card ${className}`}>
      <Text className='section-title'>{title}</Text>
      <InfoRow label={t.total} value={count(figures.total)} className='figure-total' />
      <InfoRow label={t.handlingRate} value={rateText(figures.handlingRate, figures.handled, figures.total)} className='figure-handling' />
      <InfoRow label={t.onTimeRate} value={rateText(figures.onTimeRate, figures.onTime, figures.handled)} className='figure-ontime' />
      <InfoRow label={t.callbackRate} value={rateText(figures.callbackRate, figures.calledBack, figures.handled)} className='figure-callback' />
      <Text className='muted figures-by-class'>{t.byClass}</Text>
      {classes.map((key) => (
        <InfoRow key={key} label={classWord(key)} value={count(figures.byClass[key])} className={`figure-class figure-${key}`} />
      ))}
    </View>
  );
}
