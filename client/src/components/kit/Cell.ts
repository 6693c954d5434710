import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css.js';
import '../../theme/kit.css';

export { default } from '@nutui/nutui-react-taro/dist/es/packages/cell';
