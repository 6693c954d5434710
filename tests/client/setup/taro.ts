/**
 * `@tarojs/taro` as the H5 build sees it: the taro-h5 APIs (its default export holds only the core,
 * the build adds each API as a named import) plus the React lifecycle hooks from the React plugin.
 */
import * as React from 'react';
import * as h5 from '@tarojs/taro-h5';
import * as hooks from '@tarojs/plugin-framework-react/dist/runtime';

// Required, not imported: react-dom ships no types here
const ReactDOM: unknown = require('react-dom');

hooks.createReactApp(() => null, React, ReactDOM, {});

const Taro = { ...h5.default, ...h5, ...hooks };

export const { useDidHide, useDidShow, useLoad, usePullDownRefresh, useReachBottom, useRouter, useUnload } = hooks;
export default Taro;
