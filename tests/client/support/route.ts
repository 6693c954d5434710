import Taro from '@tarojs/taro';

/** Opens "the current page" with these query parameters, as Taro's router would. */
export const withRouteParams = (params: Record<string, string>) => {
  const current = Taro.getCurrentInstance() as { router: { params: Record<string, string>; path: string } | null };
  current.router = { params, path: '' };
};
