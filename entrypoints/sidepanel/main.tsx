import { LockGate } from '../../components/LockGate';
import { mount } from '../../components/mount';
import { App } from './App';

mount(
  () => (
    <LockGate page>
      <App />
    </LockGate>
  ),
  'pageTitle.sidepanel',
);
