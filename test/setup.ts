// Shared test setup: an in-memory IndexedDB for every test file, the device reads installed as the
// app's start-up installs them, and every locale registered up front so components render
// translated text synchronously.
import 'fake-indexeddb/auto';
import { installDevice } from '../src/db/device';
import { deviceTimeZone } from '../src/platform/device';
import { resources } from '../src/i18n/resources';
import { preloadResources } from '../src/i18n/setup';

preloadResources(resources as unknown as Parameters<typeof preloadResources>[0]);
installDevice({ timeZone: deviceTimeZone });
