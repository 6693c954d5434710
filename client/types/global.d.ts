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
