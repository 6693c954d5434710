import { Button, Text, View } from '@tarojs/components';
import Loading from '../../components/kit/Loading';
import Progress from '../../components/kit/Progress';
import { fill } from '../../i18n/ui.zh-CN';
import { reachable } from '../../keyboard/reachable';
import type { ExportState } from './useXlsxExport';
import { words } from './words';

interface Props {
  state: ExportState;
  onCancel: () => void;
  onShare: () => void;
}

/** Under 导出 Excel: the file being built, then downloaded with its percentage, each with 取消导出; then, where WeChat can, 转发到聊天; or why no file was made. */
export default function ExportProgress({ state, onCancel, onShare }: Props) {
  if (state.step === 'idle' || (state.step === 'ready' && !state.share)) return null;
  return (
    <View className='export-progress' role='status' aria-live='polite'>
      {state.step === 'building' && (
        <View className='export-step export-building'>
          <Loading type='circular' />
          <Text>{words.exporting}</Text>
        </View>
      )}
      {state.step === 'downloading' && (
        <View className='export-step export-downloading'>
          <Progress className='export-bar' percent={state.percent} aria-label={words.export} />
          <Text className='export-percent'>{fill(words.exportDownloading, { percent: String(Math.round(state.percent)) })}</Text>
        </View>
      )}
      {state.step === 'failed' && (
        <Text className='export-step export-failed'>
          {state.message}
        </Text>
      )}
      {state.step === 'failed' ? null : state.step === 'ready' ? (
        <Button className='btn btn-primary btn-export-share' onClick={onShare} {...reachable()}>
          {words.exportShare}
        </Button>
      ) : (
        <Button className='btn btn-secondary btn-export-cancel' onClick={onCancel} {...reachable()}>
          {words.exportCancel}
        </Button>
      )}
    </View>
  );
}
