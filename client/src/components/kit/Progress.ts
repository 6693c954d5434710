import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css.js';
import '../../theme/kit.css';

export { default } from '@nutui/nutui-react-taro/dist/es/packages/progress';
