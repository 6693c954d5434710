/** One line to type in: the platform's own input on WeChat (see index.h5.tsx for the browser). */
export { Input as default } from '@tarojs/components';
