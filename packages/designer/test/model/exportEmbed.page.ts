// The portal page's own script in the strict-CSP test of exportEmbed (served from 'self'):
// gives the exported element's provider a LocalClient over the sample org, so the page runs the
// scenario with no server. Bundled as a classic script by the test.
import { Directory } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { MemoryStore } from '@zhizhi/core/runtime';
import { sampleOrg } from '@zhizhi/core/sample';

const provider = document.querySelector('zz-provider') as
  | (HTMLElement & { client?: unknown })
  | null;
if (provider)
  provider.client = new LocalClient({
    directory: new Directory(sampleOrg),
    store: new MemoryStore(),
  });
