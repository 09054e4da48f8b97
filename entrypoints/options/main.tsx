import { mount } from '../../components/mount';
import { App, loadFirstView } from './App';

// Beside the language, not after the first draw.
loadFirstView();
mount(() => <App />, 'pageTitle.options');
