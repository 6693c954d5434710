/** The React plugin's runtime ships without types; these are the parts the test module uses. */
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  type Hook = (fn: (...args: never[]) => unknown) => void;
  export const createReactApp: (app: () => null, react: unknown, dom: unknown, config: object) => unknown;
  export const useDidHide: Hook;
  export const useDidShow: Hook;
  export const useLoad: Hook;
  export const usePullDownRefresh: Hook;
  export const useReachBottom: Hook;
  export const useUnload: Hook;
  export const useRouter: () => unknown;
}
