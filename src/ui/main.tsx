// The app's entry: styles, the service worker, and the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { createPwaStore, type PwaStore } from './pwa.ts';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

let pwa: PwaStore | undefined;
try {
  pwa = createPwaStore();
} catch (error) {
  console.warn('No service worker: the app will not work offline.', error);
}

createRoot(container).render(
  <StrictMode>
    <App pwa={pwa} />
  </StrictMode>,
);
