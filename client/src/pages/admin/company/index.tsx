import { Button, Text, View } from '@tarojs/components';
import { useCompany, useProperties } from '../../../hooks/useCompany';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import PropertySwitch from '../../../components/PropertySwitch';
import { fill } from '../../../i18n/ui.zh-CN';
import { adminUi } from '../../../i18n/admin.zh-CN';
import { formatWhen } from '../../../utils/time';
import { go, routes } from '../../../utils/routes';
import { reportsUi } from '../../../i18n/reports.zh-CN';
import NewProperty from './NewProperty';
import PropertyCard from './PropertyCard';
import '../../../theme/controls.css';
import './index.css';

/**
 * Issue 14 (1): the company's administrator: whether the timer every property relies on runs, each
 * property with its manager and what is piling up there, and a new property.
 */
export default function CompanyPage() {
  const t = adminUi.company;
  const company = useCompany();
  const properties = useProperties();
  const timer = company.data?.timer;
  return (
    <View className='page company-page'>
      <PropertySwitch />
      <Text className='title company-name'>{company.data?.name ?? t.title}</Text>
      <View className='company-columns'>
        <View className='company-main'>
          {timer && (
            <View className={`card company-timer${timer.stale || timer.failedSteps.length ? ' company-timer-alarm' : ''}`}>
              <Text className='section-title'>{t.timer}</Text>
              <Text>{timer.lastRunAt ? fill(t.lastRun, { when: formatWhen(timer.lastRunAt) }) : t.neverRun}</Text>
              {timer.stale && <Text className='company-alarm'>{t.stale}</Text>}
              {!timer.stale && timer.failedSteps.length > 0 && <Text className='company-alarm'>{t.failed}</Text>}
              {!timer.stale && timer.failedSteps.length === 0 && timer.lastRunAt && <Text className='company-ok'>{t.running}</Text>}
            </View>
          )}
          <Button id='open-compare' className='btn btn-secondary' onClick={() => go(routes.compare)}>
            {reportsUi.compareLink}
          </Button>
          <Text className='section-title'>{t.properties}</Text>
          <LoadState loading={properties.loading} error={properties.error} onRetry={() => void properties.refresh()} empty={properties.items?.length === 0 ? t.propertiesEmpty : null}>
            {properties.items?.map((p) => <PropertyCard key={p.propertyId} property={p} onChanged={() => void properties.refresh()} />)}
            <ListFooter list={properties} />
          </LoadState>
        </View>
        <View className='company-side'>
          <NewProperty templates={(properties.items ?? []).filter((p) => p.status === 'active')} onCreated={() => void properties.refresh()} />
        </View>
      </View>
    </View>
  );
}
