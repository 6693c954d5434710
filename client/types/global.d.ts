/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';

/** The WeChat cloud environment id, fixed at build time from CLOUDBASE_ENV_ID ('' = the current one). */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** Set only in H5 builds: the app talks to the local runtime and signs in as a demo user. */
    LOCAL_DEV?: string;
  }
}

/** One icon of the kit's set, imported by its own file so a package carries only the icons it shows. */
declare module '@nutui/icons-react-taro/dist/es/icons/*.js' {
  import type { ComponentType, CSSProperties } from 'react';
  const Icon: ComponentType<{ className?: string; style?: CSSProperties; size?: string | number; color?: string }>;
  export default Icon;
}

declare module '@nutui/nutui-react-taro/dist/es/packages/*/style/css.js';

/** uCharts 2.5 (canvas charts for weapp and H5) ships no types: the options the reports pass, and the chart it draws. */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'column' | 'bar' | 'line';
    context: unknown;
    width: number;
    height: number;
    pixelRatio: number;
    categories: string[];
    series: { name: string; data: number[]; color?: string }[];
    animation?: boolean;
    background?: string;
    color?: string[];
    padding?: number[];
    fontSize?: number;
    dataLabel?: boolean;
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    constructor(options: UChartsOptions);
  }
}
