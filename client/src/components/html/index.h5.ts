/**
 * Issue 16 (H5): Taro's HTML components (`h5.useHtmlComponents`, @tarojs/components-react) with `View` and `Text`
 * drawn for less. Theirs are three fibers per element (a forwardRef, the component, the element), and `View` keeps
 * two states and an effect that sets its class again after every change of `className` (one more render of it).
 * The app uses none of what they add: no `hoverClass`, no `onLongPress` (nor does NutUI), and a ref reaches the
 * element either way. So `View` is the `<div>` itself, with the props it is given (theirs passes them all through
 * too), and `Text` a forwardRef to the `<span>` with Taro's classes, one fiber less (./Text.tsx: written in this
 * module, the one the alias names, its imports were left unbound in the build, `forwardRef is not defined`).
 * config/index.ts resolves `@tarojs/components` here in the H5 build only; WeChat draws its own components;
 * tests/e2e/inbox-load.test.ts holds the inbox's tree to its size with them.
 */
export * from '@tarojs/components-react';
export { default as Text } from './Text';

export const View = 'div';
