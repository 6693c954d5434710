import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css.js';
import '../../theme/kit.css';

export { default } from '@nutui/nutui-react-taro/dist/es/packages/loading';
