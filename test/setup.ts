// Shared test setup: an in-memory IndexedDB for every test file, and every locale registered up
// front so components render translated text synchronously.
import 'fake-indexeddb/auto';
import { resources } from '../src/i18n/resources';
import { preloadResources } from '../src/i18n/setup';

preloadResources(resources as unknown as Parameters<typeof preloadResources>[0]);
