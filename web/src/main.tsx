import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { consumeSsoToken } from './app/auth/consumeSsoToken';
import './app/styles.css';

await consumeSsoToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
