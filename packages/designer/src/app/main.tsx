// The standalone designer app's entry (built by app/vite.config.ts into dist-app/).
import '@xyflow/react/dist/style.css';
import '../canvas/designer.css';
import './app.css';
import { sampleOrg } from '@zhizhi/core/sample';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DesignerApp } from './DesignerApp.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DesignerApp org={sampleOrg} />
    </StrictMode>,
  );
}
