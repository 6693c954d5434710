import { Button } from '@tarojs/components';
import { useMyRepairs } from '../../../hooks/useRepairs';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import RepairCard from '../../../components/RepairCard';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { fill } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';

/** 我的报修: every request the resident filed and her household's since she was bound (issue 18, 5), with where it stands and who filed it. */
export default function MyRepairs() {
  const list = useMyRepairs();
  const { items, loading, error, refresh } = list;
  return (
    <ScaledPage className='my-repairs'>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? residentUi.repairList.empty : null}>
        {items?.map((repair) => (
          <RepairCard
            key={repair.id}
            repair={repair}
            filedBy={repair.byHousehold ? fill(residentUi.repairList.filedBy, { name: repair.residentName }) : undefined}
            onOpen={() => go(routes.myRepair(repair.id))}
          />
        ))}
        <ListFooter list={list} />
      </LoadState>
      <Button className='btn btn-primary btn-new-repair' onClick={() => go(routes.repairNew)}>
        {residentUi.residentHome.newRepair}
      </Button>
    </ScaledPage>
  );
}
