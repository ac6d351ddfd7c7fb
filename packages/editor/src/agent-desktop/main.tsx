import './agent-desktop.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentDesktop } from './AgentDesktop';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AgentDesktop />
  </StrictMode>,
);
