// Which build of Kujira is running: vite.config.ts sets it from KUJIRA_BUILD_ID (or the build
// time). Shown in settings (AppVersion) and after an accepted update.
const injected = import.meta.env.VITE_KUJIRA_BUILD_ID as string | undefined;

/** The build label; "dev" when not built by vite build (dev server, unit tests). */
export const BUILD_ID: string = injected && injected.length > 0 ? injected : 'dev';
