// The backup repository, loaded when safe mode's Export or Reset is pressed: its own module, so
// that only safe mode's chunk holds this line, and the backup code loads on the press.
export const loadBackupRepository = () => import('./repository').then((m) => m.backupRepository);
