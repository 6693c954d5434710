import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';

export interface ChartData {
  categories: string[];
  series: { name: string; data: number[] }[];
}

interface Props {
  id: string;
  /** What the chart shows, for screen readers (the figures are also in the table beside it). */
  label: string;
  data: ChartData;
  /** Bars across (many categories with long names) or columns up. */
  type?: 'column' | 'bar';
  height?: number;
}

/** This period in the theme's green (--color-primary), the last in grey, then --color-info and --color-warning: a canvas takes no CSS variables. */
const SERIES_COLORS = ['#07c160', '#b2b2b2', '#1a6fd6', '#c25e00'];

interface CanvasNode {
  width: number;
  height: number;
  getContext: (kind: '2d') => unknown;
}

/**
 * H5: the <canvas> inside Taro's element, where the selector query answers no node for it, once the
 * element has loaded (it sizes its canvas then, which would clear a chart drawn before).
 */
const domCanvasOf = async (id: string) => {
  const host = typeof document === 'undefined' ? null : (document.getElementById(id) as (HTMLElement & { componentOnReady?: () => Promise<unknown> }) | null);
  await host?.componentOnReady?.();
  const canvas = host?.querySelector('canvas') as (CanvasNode & HTMLElement) | null | undefined;
  const box = canvas?.getBoundingClientRect();
  return canvas && box?.width ? { node: canvas, width: box.width, height: box.height } : null;
};

/** The canvas node and its laid-out size: in weapp a 2d canvas's node; in H5 the <canvas> inside Taro's element. */
const canvasOf = (id: string) =>
  new Promise<{ node: CanvasNode; width: number; height: number } | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode; width?: number; height?: number }[]) => {
        const found = res?.[0];
        if (found?.node?.getContext && found.width) resolve({ node: found.node, width: found.width, height: found.height ?? 0 });
        else void domCanvasOf(id).then(resolve);
      });
  });

/**
 * A uCharts chart on a `type="2d"` canvas, drawn the same way in weapp and H5: uCharts is handed
 * the canvas's standard 2d context at the device's pixel ratio
 * (https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html, Canvas 2D).
 */
export default function ReportChart({ id, label, data, type = 'column', height = 240 }: Props) {
  const key = JSON.stringify(data);
  useEffect(() => {
    let gone = false;
    void Taro.nextTick(async () => {
      const canvas = await canvasOf(id);
      if (!canvas || gone) return;
      const ratio = Taro.getWindowInfo().pixelRatio || 1;
      canvas.node.width = canvas.width * ratio;
      canvas.node.height = canvas.height * ratio;
      new UCharts({
        type,
        context: canvas.node.getContext('2d'),
        width: canvas.width * ratio,
        height: canvas.height * ratio,
        pixelRatio: ratio,
        categories: data.categories,
        series: data.series,
        animation: false,
        background: '#FFFFFF',
        color: SERIES_COLORS,
        padding: [12, 12, 4, 4],
        fontSize: 12,
        dataLabel: true,
        legend: { show: true, position: 'top', fontSize: 12 },
        xAxis: { disableGrid: true, fontSize: 12 },
        yAxis: { gridType: 'dash', data: [{ min: 0 }] },
        extra: { column: { width: 14, seriesGap: 2 }, bar: { width: 12, seriesGap: 2 } },
      });
    });
    return () => {
      gone = true;
    };
  }, [id, key, type]);

  return (
    <View className='report-chart' aria-label={label} role='img'>
      <Canvas type='2d' id={id} canvasId={id} className='report-canvas' style={{ height: `${height}px` }} />
    </View>
  );
}
