// Starts one preview server of the built app for all browser tests; tests read its URL
// with inject('baseUrl'). Tests that need their own server (offline, update) start one.
import type { TestProject } from 'vitest/node';
import { startPreview } from './preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPreview();
  project.provide('baseUrl', server.url);
  return async () => server.stop();
}
