// Shared test setup: an in-memory IndexedDB for every test file, jest-dom-free assertions.
import 'fake-indexeddb/auto';
