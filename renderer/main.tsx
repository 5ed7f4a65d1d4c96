import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider';
import { connect } from './api/transport';
import { App } from './App';
import { setupI18n } from './i18n/setup';
import './styles.css';

async function start(): Promise<void> {
  const connection = connect();
  await setupI18n();
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <ApiProvider connection={connection}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}

void start();
