// The console's entry: a LocalClient in the page over the sample org, rendered into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createConsoleClient } from './createConsoleClient.js';
import './console.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const { client, org, directory, dutyLists } = createConsoleClient();
// SLA timers fire as time passes: the in-page runtime needs a tick
setInterval(() => void client.tick(), 10_000);
createRoot(root).render(
  <StrictMode>
    <App client={client} org={org} directory={directory} dutyLists={dutyLists} />
  </StrictMode>,
);
