// Shared test setup: an in-memory IndexedDB for every test file, the device reads installed as the
// app's start-up installs them, every locale registered up front so components render translated
// text synchronously, and one fixed seed for every fast-check property.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { installDevice } from '../src/db/device';
import { deviceTimeZone } from '../src/platform/device';
import { resources } from '../src/i18n/resources';
import { preloadResources } from '../src/i18n/setup';

preloadResources(resources as unknown as Parameters<typeof preloadResources>[0]);
installDevice({ timeZone: deviceTimeZone });

// Every property runs from this seed (FC_SEED=n replays another); a failure's report names the
// seed and the path of the counterexample, so it can be replayed exactly.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
