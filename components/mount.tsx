/** Starts a page's React tree with the shared stylesheet. */
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';

export function mount(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
