// The repair repository, loaded when start-up or safe mode calls for it: it brings the scheduler and
// the deck matcher, which the first visit's shell does not load. Its own module, so that the shell
// takes in this line and nothing else.
export const loadRepairRepository = () => import('./repair-repository').then((m) => m.repairRepository);
