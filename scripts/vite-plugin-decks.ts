// Vite plugin: serves `virtual:kujira-decks` (`export const decks: Deck[]`), compiled from the
// current decks/ sources on every build and on every change in dev, so a stale deck cannot ship.
// A deck error fails `vite build` (and shows the overlay in dev) with every FILE:LINE message.
import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatDeckError } from '../src/domain/deck/errors.ts';
import { compileDeckFolders } from './read-decks.ts';

const VIRTUAL_ID = 'virtual:kujira-decks';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface KujiraDecksOptions {
  /** The folder holding the deck folders, relative to the Vite root. Default `decks`. */
  dir?: string;
}

export function kujiraDecks(options: KujiraDecksOptions = {}): Plugin {
  let root = process.cwd();
  const decksDir = (): string => resolve(root, options.dir ?? 'decks');

  const invalidate = (server: ViteDevServer): void => {
    for (const env of Object.values(server.environments)) {
      const mod = env.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) env.moduleGraph.invalidateModule(mod);
    }
    server.ws.send({ type: 'full-reload' });
  };

  return {
    name: 'kujira-decks',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { decks, errors, warnings, files } = compileDeckFolders(decksDir(), root);
      for (const file of files) this.addWatchFile(file);
      for (const w of warnings) this.warn(formatDeckError(w));
      if (errors.length > 0) {
        this.error(`deck compile failed with ${errors.length} error(s):\n${errors.map(formatDeckError).join('\n')}`);
      }
      // JSON.parse of a string literal parses faster than the same object as JavaScript.
      return `export const decks = JSON.parse(${JSON.stringify(JSON.stringify(decks))});\n`;
    },
    configureServer(server) {
      const dir = decksDir();
      server.watcher.add(dir);
      const onChange = (file: string): void => {
        if (file === dir || file.startsWith(dir + sep)) invalidate(server);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
      server.watcher.on('addDir', onChange);
      server.watcher.on('unlinkDir', onChange);
    },
  };
}
